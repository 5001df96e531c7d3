// The four-step progress above a chapter being written, and its one-line status.

import { button, h } from '../dom.js';

const STEPS = [
  ['generate_content', 'Writing'],
  ['safety_check', 'Safety check'],
  ['calculate_metrics', 'Reading metrics'],
  ['save', 'Saved'],
];
const STEP_STATE_TEXT = { pending: 'not started', active: 'in progress', waiting: 'waiting', done: 'done' };
// Silence longer than this (no event of any kind) is worth a word, and a way out.
const STALL_MS = 8000;
const SAY_STARTED = {
  generate_content: 'Writing the story…',
  safety_check: 'Checking that every word is gentle…',
  calculate_metrics: 'Measuring reading time and vocabulary…',
  save: 'Saving to your library…',
};

/** The progress of one chapter; `onStop` runs when the parent stops it (the Stop button shows
 * while the chapter is written, until its save starts: a save is never cut half-way). */
export function progressSteps({ onStop }) {
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
  const slowText = h('p', { class: 'progress__slow-text', role: 'status', dir: 'auto' });
  const stop = button('Stop', { class: 'btn btn-secondary btn-small' });
  const root = h('div', { class: 'progress' }, list, status, h('div', { class: 'progress__slow' }, slowText, stop));
  let timer = null;
  let beforeReconnect = null; // the status to say again once the connection is back

  /** No news for a while: say so, and point at Stop. */
  function stalled() {
    slowText.textContent = 'This is taking longer than usual. You can keep waiting, or stop.';
  }
  /** Stops watching for silence (the chapter ended, failed, was left, or is reconnecting). */
  function quiet() {
    clearTimeout(timer);
    timer = null;
    slowText.textContent = '';
  }
  /** Something arrived: the watch for silence starts again. */
  function alive() {
    quiet();
    timer = setTimeout(stalled, STALL_MS);
  }
  stop.addEventListener('click', () => {
    quiet();
    onStop();
  });
  alive();

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
    alive,
    quiet,
    /** The connection dropped and is being picked up again: no stall warning meanwhile. */
    reconnecting() {
      quiet();
      if (beforeReconnect === null) beforeReconnect = status.textContent;
      root.dataset.connection = 'reconnecting';
      say('The connection dropped. Reconnecting…');
    },
    /** The connection is back: the story goes on where it stopped. */
    reconnected() {
      if (beforeReconnect === null) return;
      delete root.dataset.connection;
      say(beforeReconnect);
      beforeReconnect = null;
      alive();
    },
    /** Story text arrived: a chapter that was waiting in the queue is being written now. */
    text() {
      if (items.get('generate_content').li.dataset.state === 'waiting') {
        mark('generate_content', 'active');
        say(SAY_STARTED.generate_content);
      }
    },
    /** A node_event from the GET stream. */
    node({ node, status: st, position, attempt }) {
      if (node === 'workflow') return;
      if (st === 'started') {
        mark(node, 'active');
        if (node === 'save') stop.hidden = true;
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
      quiet();
      stop.hidden = true;
      for (const [node] of STEPS) mark(node, 'done');
      say('Saved to your library.');
    },
  };
}
