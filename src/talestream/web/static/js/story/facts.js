import { h, icon } from '../dom.js';
import { LEVELS } from '../words.js';

/** The badges under a finished chapter: safety, reading time, vocabulary, what it teaches. */
export function facts(chapter, language) {
  const items = [];
  const score = typeof chapter.safety_score === 'number' ? chapter.safety_score : null;
  items.push(
    h(
      'li',
      { class: 'badge badge--safe' },
      icon('shield'),
      'Safety checked',
      score !== null ? h('span', { class: 'badge__sub' }, `${Math.round(score * 100)}%`) : null,
    ),
  );
  if (chapter.estimated_reading_time) items.push(h('li', { class: 'badge' }, icon('clock'), `${chapter.estimated_reading_time} min read`));
  if (chapter.vocabulary_level) {
    items.push(h('li', { class: 'badge' }, icon('book'), `${LEVELS[chapter.vocabulary_level] || chapter.vocabulary_level} vocabulary`));
  }
  for (const element of chapter.educational_elements || []) {
    items.push(h('li', { class: 'badge badge--learn', lang: language === 'en' ? null : 'en' }, icon('spark'), element));
  }
  return h('ul', { class: 'facts', 'aria-label': 'About this chapter', dir: 'ltr' }, items);
}
