// Form building blocks: labelled fields, inline field errors, suggestion chips, page headings.

import { button, h, icon, nextId } from '../dom.js';

export function field({ label, name, type = 'text', hint, options, ...attrs }) {
  const id = nextId(`f-${name}`);
  let control;
  if (type === 'select') {
    control = h('select', { id, name, ...attrs }, options.map(([value, text]) => h('option', { value }, text)));
    if (attrs.value !== undefined) control.value = attrs.value;
  } else if (type === 'textarea') {
    control = h('textarea', { id, name, rows: 3, ...attrs });
  } else {
    control = h('input', { id, name, type, ...attrs });
  }
  const hintEl = hint ? h('p', { class: 'field__hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, control);
}

export function setFieldError(control, message) {
  clearFieldError(control);
  const error = h('p', { class: 'field__error', id: `${control.id}-error` }, message);
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
  control.after(error);
  control.focus();
}

export function clearFieldError(control) {
  const error = document.getElementById(`${control.id}-error`);
  if (!error) return;
  error.remove();
  control.removeAttribute('aria-invalid');
  const rest = (control.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== error.id);
  if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
  else control.removeAttribute('aria-describedby');
}

export function suggestions(label, values, input) {
  return h(
    'div',
    { class: 'suggestions', role: 'group', 'aria-label': label },
    values.map((value) =>
      button(value, {
        class: 'chip-button',
        onclick: () => {
          input.value = value;
          clearFieldError(input);
          input.focus();
        },
      }),
    ),
  );
}

/** Ages 2 to 14 for an age menu. */
export function ageOptions() {
  const ages = [];
  for (let age = 2; age <= 14; age += 1) ages.push([String(age), `${age} years`]);
  return ages;
}

export function pageHead(title, lead, back) {
  return h(
    'header',
    { class: 'page-head' },
    back ? h('a', { class: 'back-link', href: back.href }, icon('back'), back.label) : null,
    h('h1', { tabindex: '-1' }, title),
    lead ? h('p', { class: 'lead' }, lead) : null,
  );
}
