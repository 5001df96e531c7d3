// A one-chapter story from a parent's own idea (the POST stream).

import { loadChildren } from '../api.js';
import { $, h, icon } from '../dom.js';
import { FIELD_LABELS } from '../errors.js';
import { streamIdeaStory, takeReattach } from '../story/chapters.js';
import { storyScreen } from '../story/screen.js';
import { ageOptions, clearFieldError, field, pageHead, setFieldError, suggestions } from '../ui/forms.js';
import { showProblem, takeFlash } from '../ui/notices.js';
import { LANGUAGES } from '../words.js';

const STYLES = ['Fantasy', 'Funny', 'Bedtime', 'Adventure', 'Fairy tale', 'Mystery'];

export async function viewIdea(view, ctx) {
  view.append(pageHead('A story from your idea', "Tell us the hero and the idea; we'll write the first chapter live."), ...takeFlash());
  const children = await loadChildren().catch(() => []);
  if (!ctx.alive()) return;
  const first = children[0];
  const slot = h('div', { class: 'form-message' });
  const styleField = field({ label: 'Style', name: 'story_style', maxlength: 60, required: true, autocomplete: 'off', value: 'Fantasy' });
  styleField.append(suggestions('Style ideas', STYLES, $('input', styleField)));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-large' }, icon('wand'), 'Write the story');
  const form = h(
    'form',
    { class: 'form' },
    slot,
    h(
      'div',
      { class: 'form-grid' },
      field({ label: 'Story name', name: 'story_name', maxlength: 120, required: true, autocomplete: 'off', placeholder: 'The Magic Forest' }),
      field({ label: "Hero's name", name: 'hero_name', maxlength: 50, required: true, autocomplete: 'off', value: first ? first.name : '' }),
    ),
    field({
      label: 'Your idea',
      name: 'story_idea',
      type: 'textarea',
      maxlength: 500,
      required: true,
      placeholder: 'A shy dragon who learns to fly',
    }),
    styleField,
    h(
      'div',
      { class: 'form-grid' },
      field({ label: 'Language', name: 'language', type: 'select', options: Object.entries(LANGUAGES), value: first ? first.language : 'en' }),
      field({ label: "Reader's age", name: 'age', type: 'select', options: ageOptions(), value: String(first ? first.age : 6) }),
    ),
    h('div', { class: 'form-actions' }, submit),
  );
  const formCard = h('section', { class: 'card write-card' }, form);
  view.append(formCard);
  const head = $('.page-head', view);

  const start = (body, runId) => {
    slot.replaceChildren();
    head.remove();
    formCard.remove();
    const screen = storyScreen(view, { title: body.story_name, language: body.language, hero: body.hero_name, theme: body.story_style });
    screen.title.focus({ preventScroll: true });
    streamIdeaStory(screen, body, {
      runId,
      onFail(problem) {
        screen.article.remove();
        view.append(head, formCard);
        showProblem(slot, problem, { retry: () => start(body) });
        ($('.notice__title', slot) || form.elements.story_name).focus({ preventScroll: true });
        window.scrollTo(0, 0);
      },
    });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      story_name: String(data.get('story_name')).trim(),
      hero_name: String(data.get('hero_name')).trim(),
      story_idea: String(data.get('story_idea')).trim(),
      story_style: String(data.get('story_style')).trim(),
      language: String(data.get('language')),
      age: Number(data.get('age')),
    };
    for (const name of ['story_name', 'hero_name', 'story_idea', 'story_style']) {
      clearFieldError(form.elements[name]);
      if (!body[name]) return setFieldError(form.elements[name], `Please fill in "${FIELD_LABELS[name]}".`);
    }
    start(body);
  });

  // The story was being written when the page was reloaded: read it on.
  const again = takeReattach();
  if (again && again.body) {
    for (const [name, value] of Object.entries(again.body)) if (form.elements[name]) form.elements[name].value = String(value);
    start(again.body, again.runId);
  }
}
