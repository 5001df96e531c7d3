// Small DOM helpers. Safety rule for the whole app: story text, titles, choices, names and every
// server message reach the page as text nodes (Node.append of a string, textContent), never as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICONS = {
  shield:
    'M12 2 4 5v6c0 5.1 3.4 9.5 8 11 4.6-1.5 8-5.9 8-11V5l-8-3Zm-1.3 14.3-3.6-3.6 1.5-1.5 2.1 2.1 5-5 1.5 1.5-6.5 6.5Z',
  clock:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm-1 3v6l5 3 1-1.7-4-2.4V7h-2Z',
  book: 'M3 5.3C5.8 4 8.9 4.2 11.2 6v13.3C8.9 17.6 5.8 17.4 3 18.7V5.3Zm18 0C18.2 4 15.1 4.2 12.8 6v13.3c2.3-1.7 5.4-1.9 8.2-.6V5.3Z',
  spark: 'm12 2 2.1 6.4L20.5 10l-6.4 2.1L12 18.5l-2.1-6.4L3.5 10l6.4-1.6L12 2Zm6.5 12 .9 2.6 2.6.9-2.6.9-.9 2.6-.9-2.6-2.6-.9 2.6-.9.9-2.6Z',
  speaker:
    'M4 9v6h4l5 4V5L8 9H4Zm12.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4ZM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6Z',
  stop: 'M6 6h12v12H6z',
  back: 'M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20v-2Z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6V5Z',
  pencil: 'm4 17.2V20h2.8l8.3-8.3-2.8-2.8L4 17.2ZM17.7 9.1a1 1 0 0 0 0-1.4l-1.4-1.4a1 1 0 0 0-1.4 0l-1.2 1.2 2.8 2.8 1.2-1.2Z',
  wand: 'm7.5 5.6 2-1.1-1.1 2 1.1 2-2-1.1-2 1.1 1.1-2-1.1-2 2 1.1Zm12 9.8 2-1.1-1.1 2 1.1 2-2-1.1-2 1.1 1.1-2-1.1-2 2 1.1ZM21 2.4l-1.1 2 1.1 2-2-1.1-2 1.1 1.1-2-1.1-2 2 1.1 2-1.1Zm-7.7 7.2-2.4-2.4L2.3 15.8l2.4 2.4L13.3 9.6Z',
};
let uid = 0;

/** Builds an element. Strings among the children become text nodes (never parsed as HTML). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  let value;
  for (const [key, val] of Object.entries(props || {})) {
    if (val === undefined || val === null || val === false) continue;
    if (key === 'class') el.className = val;
    else if (key === 'value') value = val;
    else if (key.startsWith('on') && typeof val === 'function') el.addEventListener(key.slice(2), val);
    else el.setAttribute(key, val === true ? '' : String(val));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  if (value !== undefined) el.value = value;
  return el;
}

export function icon(name) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const nextId = (prefix) => `${prefix}-${++uid}`;

export function button(label, props = {}, ...extra) {
  return h('button', { type: 'button', class: 'btn', ...props }, ...extra, label);
}

/** Disables a button while its work runs, with a label saying so; returns the undo. */
export function busy(btn, label) {
  const before = btn.textContent;
  btn.disabled = true;
  btn.classList.add('is-busy');
  btn.textContent = label;
  return () => {
    btn.disabled = false;
    btn.classList.remove('is-busy');
    btn.textContent = before;
  };
}
