import { h } from '../dom.js';

/** Appends streamed text as paragraphs (a blank line starts a new one), as text nodes only. */
export function textWriter(container) {
  let paragraph = null;
  let all = '';
  return {
    add(chunk) {
      if (!all) chunk = chunk.replace(/^\s+/, '');
      if (!chunk) return;
      all += chunk;
      chunk.split(/\n[ \t]*\n\s*/).forEach((part, index) => {
        if (index > 0 || !paragraph) {
          paragraph = h('p');
          container.append(paragraph);
        }
        if (part) paragraph.append(part);
      });
    },
    clear() {
      container.replaceChildren();
      paragraph = null;
      all = '';
    },
    get text() {
      return all;
    },
  };
}
