// Files a family can keep: the story as an EPUB e-book or a PDF (GET /stories/{id}/export).

import { API } from '../api.js';
import { h, icon } from '../dom.js';

/** Download links for one story; the cookie session authorises a plain GET. */
export function exportLinks(story, { small = false } = {}) {
  const size = small ? ' btn-small' : '';
  const link = (format, label) =>
    h(
      'a',
      {
        class: `btn btn-quiet${size}`,
        href: `${API}/stories/${story.id}/export?format=${format}`,
        download: '',
        'aria-label': `${label}: “${story.title}”`,
      },
      icon('book'),
      label,
    );
  return h('div', { class: 'export-links' }, link('epub', 'Save as e-book'), link('pdf', 'Save as PDF'));
}
