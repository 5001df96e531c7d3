// Messages on the page: notices, problems with a way on, and the inline "are you sure?".

import { button, busy, h } from '../dom.js';
import { Problem, explain } from '../errors.js';
import { state } from '../state.js';

export function notice({ title, text = '', tone = 'error', actions = [] }) {
  const titleEl = h('p', { class: 'notice__title', tabindex: '-1' }, title);
  return h(
    'div',
    { class: `notice notice--${tone}`, role: tone === 'error' ? 'alert' : 'status', dir: 'auto' },
    titleEl,
    text && h('p', { class: 'notice__text' }, text),
    actions.length ? h('div', { class: 'notice__actions' }, actions) : null,
  );
}

/** A notice for a Problem, with Retry when retrying can help. Expired sessions go to sign-in. */
export function problemNotice(problem, { retry, extra = [] } = {}) {
  const info = explain(problem);
  const actions = [...extra];
  if (info.retry && retry) actions.unshift(button('Try again', { class: 'btn btn-primary', onclick: retry }));
  return notice({ ...info, actions });
}

export function showProblem(slot, problem, options) {
  if (!(problem instanceof Problem)) {
    console.error(problem);
    problem = new Problem({ status: 500 });
  }
  if (problem.handled) return;
  slot.replaceChildren(problemNotice(problem, options));
}

/** The message left for this view by the one before (e.g. "Saved Mia's profile."), once. */
export function takeFlash() {
  const flash = state.flash;
  state.flash = null;
  return flash ? [notice(flash)] : [];
}

/**
 * An inline "are you sure?" for a destructive button: the trigger hides, the question and
 * Yes/Keep buttons appear in `into`; Keep puts everything back, Yes runs `action` (errors go to
 * `slot`).
 */
export function confirmInline(trigger, { into, label, question, yes, working, slot, action, small = false }) {
  const size = small ? ' btn-small' : '';
  trigger.addEventListener('click', () => {
    trigger.hidden = true;
    const confirmButton = button(yes, { class: `btn btn-danger${size}` });
    const keep = button('Keep', { class: `btn btn-secondary${size}` });
    const box = h('div', { class: 'confirm', role: 'group', 'aria-label': label },
      h('p', {}, question), confirmButton, keep);
    keep.addEventListener('click', () => {
      box.remove();
      trigger.hidden = false;
      trigger.focus();
    });
    confirmButton.addEventListener('click', async () => {
      const restore = busy(confirmButton, working);
      try {
        await action();
      } catch (problem) {
        restore();
        showProblem(slot, problem);
      }
    });
    into.append(box);
    confirmButton.focus();
  });
}
