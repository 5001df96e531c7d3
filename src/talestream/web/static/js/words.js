// Languages, reading levels and the small text helpers every screen uses.

export const LANGUAGES = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ru: 'Русский',
  he: 'עברית (Hebrew)',
};
export const SPEECH_LANG = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE', ru: 'ru-RU', he: 'he-IL' };
const RTL_LANGUAGES = new Set(['he']);
export const LEVELS = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

export const isRtl = (language) => RTL_LANGUAGES.has(language);
/** "he" -> "עברית" (without the English hint the language menus show). */
export const languageName = (code) => (LANGUAGES[code] || code).replace(/ \(.*\)$/, '');
const PLURAL_RULES = new Intl.PluralRules('en');
/** "1 story", "3 stories": the page is in English, whose plural forms Intl.PluralRules knows. */
export const plural = (n, one, other = `${one}s`) => `${n} ${PLURAL_RULES.select(n) === 'one' ? one : other}`;

/** "email or password is wrong" -> "Email or password is wrong." */
export function sentence(text) {
  const t = String(text || '').trim();
  if (!t) return '';
  const s = t[0].toUpperCase() + t.slice(1);
  return /[.!?…)]$/.test(s) ? s : `${s}.`;
}

/** "today, 19:42", "yesterday, 08:05" or "3 Mar, 19:42" (the time tells one evening's stories apart). */
export function when(iso) {
  const date = new Date(iso);
  const days = Math.round((new Date().setHours(0, 0, 0, 0) - new Date(date).setHours(0, 0, 0, 0)) / 86400000);
  const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(date);
  if (days === 0) return `today, ${time}`;
  if (days === 1) return `yesterday, ${time}`;
  const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: days > 300 ? 'numeric' : undefined }).format(date);
  return `${day}, ${time}`;
}
