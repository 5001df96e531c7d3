// Renaming a saved story (PATCH /stories/{id}), inline under its title.

import { api } from '../api.js';
import { busy, button, h, nextId } from '../dom.js';
import { showProblem } from '../ui/notices.js';

/** A Rename button that opens a small form; `onRenamed(title)` after the server took it. */
export function renameControl(story, onRenamed) {
  const open = button('Rename', { class: 'btn btn-quiet btn-small' });
  const slot = h('div', { class: 'form-message' });
  const wrap = h('div', { class: 'rename' }, open, slot);
  open.addEventListener('click', () => {
    const id = nextId('rename');
    const input = h('input', { id, name: 'title', maxlength: 120, required: true, autocomplete: 'off', dir: 'auto', value: story.title });
    const save = h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, 'Save title');
    const cancel = button('Cancel', { class: 'btn btn-quiet btn-small' });
    const form = h('form', { class: 'rename__form' }, h('label', { for: id }, 'New title'), input, save, cancel);
    const close = () => {
      form.replaceWith(open);
      open.focus();
    };
    cancel.addEventListener('click', close);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const restore = busy(save, 'Saving…');
      try {
        const saved = await api(`/stories/${story.id}`, { method: 'PATCH', body: { title: input.value } });
        story.title = saved.title;
        slot.replaceChildren();
        onRenamed(saved.title);
        close();
      } catch (problem) {
        restore();
        showProblem(slot, problem);
      }
    });
    open.replaceWith(form);
    input.select();
  });
  return wrap;
}
