// A new story for a child profile: pick a theme, then the first chapter streams in.

import { findChild } from '../api.js';
import { $, h, icon, nextId } from '../dom.js';
import { Problem } from '../errors.js';
import { streamChildChapter, takeReattach } from '../story/chapters.js';
import { storyScreen } from '../story/screen.js';
import { clearFieldError, field, pageHead, setFieldError, suggestions } from '../ui/forms.js';
import { showProblem, takeFlash } from '../ui/notices.js';

const THEMES = ['adventure', 'friendship', 'animals', 'space', 'magic', 'bedtime', 'ocean', 'dinosaurs'];

export async function viewWrite(view, ctx) {
  const childId = Number(ctx.params[0]);
  const head = pageHead('A new story', 'Pick a theme, then watch the story appear as it is written.', { href: '#/children', label: 'Children' });
  view.append(head, ...takeFlash());
  const child = await findChild(childId);
  if (!ctx.alive()) return;
  if (!child) throw new Problem({ status: 404, code: 'NOT_FOUND' });
  $('h1', head).textContent = `A new story for ${child.name}`;

  const slot = h('div', { class: 'form-message' });
  const theme = h('input', { id: nextId('theme'), name: 'theme', maxlength: 60, autocomplete: 'off', required: true, placeholder: 'adventure' });
  const title = field({
    label: 'Title (optional)',
    name: 'title',
    maxlength: 120,
    autocomplete: 'off',
    hint: `Leave empty for "${child.name}'s … story".`,
  });
  const bedtime = h('input', { type: 'checkbox', name: 'bedtime', id: nextId('bedtime') });
  const bedtimeField = h('div', { class: 'field field--check' }, bedtime, h('label', { for: bedtime.id }, 'Bedtime story: calm, sleepy and a little shorter'));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-large' }, icon('wand'), 'Start the story');
  const form = h(
    'form',
    { class: 'form' },
    slot,
    h(
      'div',
      { class: 'field' },
      h('label', { for: theme.id }, 'Theme'),
      h('p', { class: 'field__hint', id: `${theme.id}-hint` }, 'What should the story be about? Pick one or type your own.'),
      theme,
      suggestions('Theme ideas', THEMES, theme),
    ),
    title,
    bedtimeField,
    h('div', { class: 'form-actions' }, submit),
  );
  theme.setAttribute('aria-describedby', `${theme.id}-hint`);
  const formCard = h('section', { class: 'card write-card' }, form);
  view.append(formCard);

  const start = (values, runId) => {
    slot.replaceChildren();
    head.remove();
    formCard.remove();
    const screen = storyScreen(view, {
      title: values.title || `${child.name}'s ${values.theme} story`,
      language: child.language,
      childName: child.name,
      childId: child.id,
      theme: values.theme,
      bedtime: values.bedtime,
    });
    screen.title.focus({ preventScroll: true });
    streamChildChapter(
      screen,
      { child_id: child.id, theme: values.theme, title: values.title || undefined, chapter_number: 1, bedtime: values.bedtime || undefined },
      {
        runId,
        onFail(problem) {
          // Back to the form, values kept, with the reason on top.
          screen.article.remove();
          view.append(head, formCard);
          showProblem(slot, problem, { retry: () => start(values) });
          const focusTarget = $('.notice__title', slot) || theme;
          focusTarget.focus({ preventScroll: true });
          window.scrollTo(0, 0);
        },
      },
    );
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = { theme: theme.value.trim(), title: String(new FormData(form).get('title')).trim(), bedtime: bedtime.checked };
    // The only check EventSource cannot report back to us; the server checks the rest.
    if (!values.theme) return setFieldError(theme, 'Please choose a theme, for example "adventure".');
    clearFieldError(theme);
    start(values);
  });

  // The first chapter was being written when the page was reloaded: read it on.
  const again = takeReattach();
  if (again && again.chapter === 1 && again.params) {
    const values = { theme: again.params.theme, title: again.params.title || '', bedtime: Boolean(again.params.bedtime) };
    // The form behind the story has them too, should the chapter fail.
    [theme.value, $('input', title).value, bedtime.checked] = [values.theme, values.title, values.bedtime];
    start(values, again.runId);
  }
}
