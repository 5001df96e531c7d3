// The children's profiles: the list (with the add form) and editing one.

import { api, loadChildren, storyLanguages } from '../api.js';
import { $, busy, button, h, icon } from '../dom.js';
import { go, refresh } from '../navigation.js';
import { state } from '../state.js';
import { ageOptions, clearFieldError, field, pageHead, setFieldError } from '../ui/forms.js';
import { confirmInline, showProblem, takeFlash } from '../ui/notices.js';
import { LANGUAGES, LEVELS, languageName } from '../words.js';

function readingLevelForAge(age) {
  return age <= 6 ? 'beginner' : age <= 10 ? 'intermediate' : 'advanced';
}

const LENGTHS = { short: 'Short', medium: 'Medium', long: 'Long' };

/** Why stories in `language` cannot be written here, or null when they can (or nobody knows). */
function unwrittenLanguage(language) {
  const writes = state.storyLanguages;
  if (!writes || writes.includes(language)) return null;
  const known = writes.map(languageName).join(', ');
  return (
    `This storyteller writes ${known} only: stories in ${languageName(language)} need a ` +
    'storyteller that writes it (whoever runs talestream can connect one).'
  );
}

function commaList(value) {
  return String(value || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function childForm(child, { submitLabel, onSaved }) {
  const slot = h('div', { class: 'form-message' });
  const age = field({ label: 'Age', name: 'age', type: 'select', options: ageOptions(), value: String(child ? child.age : 6) });
  const level = field({
    label: 'Reading level',
    name: 'reading_level',
    type: 'select',
    options: Object.entries(LEVELS),
    value: child ? child.reading_level : 'beginner',
  });
  // Suggest a reading level from the age until the parent picks one themselves.
  let levelTouched = Boolean(child);
  $('select', level).addEventListener('change', () => {
    levelTouched = true;
  });
  $('select', age).addEventListener('change', (event) => {
    if (!levelTouched) $('select', level).value = readingLevelForAge(Number(event.target.value));
  });
  const languageField = field({ label: 'Story language', name: 'language', type: 'select', options: Object.entries(LANGUAGES), value: child ? child.language : 'en' });
  // Said before a parent asks for a story: a language the storyteller does not write is refused.
  const languageNote = h('p', { class: 'notice notice--info language-note', role: 'status' });
  const showLanguageNote = () => {
    const why = unwrittenLanguage($('select', languageField).value);
    languageNote.textContent = why || '';
    languageNote.hidden = !why;
  };
  $('select', languageField).addEventListener('change', showLanguageNote);
  showLanguageNote();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, submitLabel);
  const form = h(
    'form',
    { class: 'form form--child' },
    slot,
    h(
      'div',
      { class: 'form-grid' },
      field({ label: "Child's name", name: 'name', required: true, maxlength: 50, autocomplete: 'off', value: child ? child.name : '' }),
      age,
      languageField,
      level,
    ),
    languageNote,
    field({
      label: 'Interests (optional)',
      name: 'interests',
      hint: 'Separate with commas, for example: dragons, football, the sea.',
      autocomplete: 'off',
      value: child ? child.interests.join(', ') : '',
    }),
    h(
      'div',
      { class: 'form-grid' },
      field({
        label: 'Topics to avoid (optional)',
        name: 'avoid_topics',
        hint: 'Kept out of every story, for example: spiders, hospitals, dogs.',
        autocomplete: 'off',
        value: child ? child.avoid_topics.join(', ') : '',
      }),
      field({ label: 'Chapter length', name: 'chapter_length', type: 'select', options: Object.entries(LENGTHS), value: child ? child.chapter_length : 'medium' }),
    ),
    h('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const name = String(data.get('name')).trim();
    if (!name) return setFieldError(form.elements.name, "Please enter your child's name.");
    clearFieldError(form.elements.name);
    const body = {
      name,
      age: Number(data.get('age')),
      language: String(data.get('language')),
      reading_level: String(data.get('reading_level')),
      interests: commaList(data.get('interests')),
      avoid_topics: commaList(data.get('avoid_topics')),
      chapter_length: String(data.get('chapter_length')),
    };
    const restore = busy(submit, 'Saving…');
    try {
      const saved = child
        ? await api(`/children/${child.id}`, { method: 'PATCH', body })
        : await api('/children/', { method: 'POST', body });
      state.children = null;
      onSaved(saved);
    } catch (problem) {
      restore();
      showProblem(slot, problem);
    }
  });
  return form;
}

function avatar(name) {
  let hue = 0;
  for (const ch of name) hue = (hue * 31 + ch.codePointAt(0)) % 360;
  return h('span', { class: 'avatar', style: `--hue: ${hue}`, 'aria-hidden': 'true' }, [...name][0].toUpperCase());
}

function childCard(child) {
  const details = `${child.age} years · ${languageName(child.language)} · ${LEVELS[child.reading_level]} reader`;
  const unwritten = unwrittenLanguage(child.language);
  return h(
    'li',
    { class: 'child-card card' },
    h(
      'div',
      { class: 'child-card__head' },
      avatar(child.name),
      h('div', {}, h('h2', { class: 'child-card__name' }, child.name), h('p', { class: 'child-card__meta' }, details)),
    ),
    unwritten ? h('p', { class: 'notice notice--info language-note' }, unwritten) : null,
    child.interests.length
      ? h('ul', { class: 'chips', 'aria-label': `${child.name} likes` }, child.interests.map((i) => h('li', { class: 'chip' }, i)))
      : null,
    h(
      'div',
      { class: 'child-card__actions' },
      h('a', { class: 'btn btn-primary', href: `#/write/${child.id}`, 'aria-label': `New story for ${child.name}` }, icon('wand'), 'New story'),
      h('a', { class: 'btn btn-secondary', href: `#/library?child=${child.id}`, 'aria-label': `Stories for ${child.name}` }, 'Stories'),
      h('a', { class: 'btn btn-quiet', href: `#/children/${child.id}`, 'aria-label': `Edit ${child.name}'s profile` }, icon('pencil'), 'Edit'),
    ),
  );
}

export async function viewChildren(view, ctx) {
  const flash = takeFlash();
  const greeting = state.user ? `Hello, ${state.user.name}. Who is tonight's story for?` : '';
  view.append(pageHead('Your children', greeting), ...flash);
  const list = h('ul', { class: 'child-list' });
  const addSection = h('section', { class: 'add-child card', 'aria-labelledby': 'add-child-title' });
  view.append(list, addSection);
  const [children] = await Promise.all([loadChildren(true), storyLanguages()]);
  if (!ctx.alive()) return;
  list.append(...children.map(childCard));
  const form = childForm(null, {
    submitLabel: 'Add child',
    onSaved: (child) => {
      state.flash = { tone: 'success', title: `${child.name} is ready for a story!` };
      refresh();
    },
  });
  const heading = h('h2', { id: 'add-child-title' }, children.length ? 'Add another child' : 'Add your first child');
  if (children.length) {
    // Collapsed behind a button once there is a child; the form is one click away.
    const toggle = button('Add a child', { class: 'btn btn-secondary', 'aria-expanded': 'false', 'aria-controls': 'add-child-form' }, icon('plus'));
    const wrap = h('div', { id: 'add-child-form', hidden: true }, heading, form);
    toggle.addEventListener('click', () => {
      const open = wrap.hidden;
      wrap.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) form.elements.name.focus();
    });
    addSection.classList.add('add-child--collapsed');
    addSection.append(toggle, wrap);
  } else {
    addSection.append(heading, h('p', { class: 'muted' }, 'Their age, language and interests shape every story.'), form);
  }
  view.append(
    h('p', { class: 'aside-link' }, 'Have your own idea for a story? ', h('a', { href: '#/idea' }, 'Write a story from your idea')),
  );
}

export async function viewEditChild(view, ctx) {
  const id = Number(ctx.params[0]);
  const head = pageHead('Edit profile', '', { href: '#/children', label: 'Children' });
  view.append(head);
  const [child] = await Promise.all([api(`/children/${id}`), storyLanguages()]);
  if (!ctx.alive()) return;
  $('h1', head).textContent = `${child.name}'s profile`;
  const form = childForm(child, {
    submitLabel: 'Save changes',
    onSaved: (saved) => {
      state.flash = { tone: 'success', title: `Saved ${saved.name}'s profile.` };
      go('#/children');
    },
  });
  const danger = h('section', { class: 'danger-zone' });
  const removeSlot = h('div', { class: 'form-message' });
  const askRemove = button(`Remove ${child.name}`, { class: 'btn btn-danger-quiet' });
  confirmInline(askRemove, {
    into: danger,
    label: 'Confirm removal',
    question: `Remove ${child.name}'s profile and all of ${child.name}'s stories? This can't be undone.`,
    yes: `Yes, remove ${child.name}`,
    working: 'Removing…',
    slot: removeSlot,
    action: async () => {
      await api(`/children/${child.id}`, { method: 'DELETE' });
      state.children = null;
      state.flash = { tone: 'success', title: `Removed ${child.name}'s profile.` };
      go('#/children');
    },
  });
  danger.append(removeSlot, askRemove);
  view.append(h('section', { class: 'card' }, form), danger);
}
