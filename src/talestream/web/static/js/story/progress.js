// The four-step progress above a chapter being written, and its one-line status.

import { h } from '../dom.js';

const STEPS = [
  ['generate_content', 'Writing'],
  ['safety_check', 'Safety check'],
  ['calculate_metrics', 'Reading metrics'],
  ['save', 'Saved'],
];
const STEP_STATE_TEXT = { pending: 'not started', active: 'in progress', waiting: 'waiting', done: 'done' };
const SAY_STARTED = {
  generate_content: 'Writing the story…',
  safety_check: 'Checking that every word is gentle…',
  calculate_metrics: 'Measuring reading time and vocabulary…',
  save: 'Saving to your library…',
};

export function progressSteps() {
  const items = new Map();
  const list = h('ol', { class: 'steps', 'aria-label': 'Story progress' });
  for (const [node, label] of STEPS) {
    const stateText = h('span', { class: 'visually-hidden' }, `: ${STEP_STATE_TEXT.pending}`);
    const li = h(
      'li',
      { class: 'step', 'data-step': node, 'data-state': 'pending' },
      h('span', { class: 'step__dot', 'aria-hidden': 'true' }),
      h('span', { class: 'step__label' }, label, stateText),
    );
    items.set(node, { li, stateText });
    list.append(li);
  }
  const status = h('p', { class: 'progress__status', role: 'status', 'aria-live': 'polite', dir: 'auto' }, 'Getting the storyteller ready…');
  const root = h('div', { class: 'progress' }, list, status);

  function mark(node, value) {
    const item = items.get(node);
    if (!item) return;
    item.li.dataset.state = value;
    item.stateText.textContent = `: ${STEP_STATE_TEXT[value]}`;
    if (value === 'active' || value === 'waiting') item.li.setAttribute('aria-current', 'step');
    else item.li.removeAttribute('aria-current');
  }
  function say(text) {
    status.textContent = text;
  }
  return {
    root,
    say,
    mark,
    /** A node_event from the GET stream. */
    node({ node, status: st, position, attempt }) {
      if (node === 'workflow') return;
      if (st === 'started') {
        mark(node, 'active');
        if (node === 'generate_content' && attempt > 1) {
          for (const [later] of STEPS.slice(1)) mark(later, 'pending');
          say('Writing a gentler version…');
        } else {
          say(SAY_STARTED[node] || '');
        }
      } else if (st === 'completed') {
        mark(node, 'done');
        if (node === 'save') say('Saved to your library.');
      } else if (st === 'queued') {
        mark('generate_content', 'waiting');
        say(`Waiting for the storyteller… (${position} ahead)`);
      } else if (st === 'retry') {
        for (const [later] of STEPS.slice(1)) mark(later, 'pending');
        mark('generate_content', 'active');
        say('Writing a gentler version…');
      }
    },
    finish() {
      for (const [node] of STEPS) mark(node, 'done');
      say('Saved to your library.');
    },
  };
}
