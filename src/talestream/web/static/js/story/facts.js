import { h, icon } from '../dom.js';

/** The badges under a finished chapter, in the server's words (stories/badges.py): who it was
 *  checked for and whether a draft was rewritten, reading time, the words against the child's
 *  own level, and what it teaches. */
export function facts(chapter, language) {
  const badges = chapter.badges;
  const items = [
    h(
      'li',
      { class: 'badge badge--safe', title: badges.safety_note },
      icon('shield'),
      badges.checked_for,
      badges.rewritten ? h('span', { class: 'badge__sub' }, badges.rewritten === 1 ? 'rewritten once' : `rewritten ${badges.rewritten} times`) : null,
    ),
    h('li', { class: 'badge' }, icon('clock'), badges.reading_time),
    h('li', { class: `badge badge--level-${badges.level_comparison}` }, icon('book'), badges.level_note),
  ];
  for (const element of chapter.educational_elements || []) {
    items.push(h('li', { class: 'badge badge--learn', lang: language === 'en' ? null : 'en' }, icon('spark'), element));
  }
  return h('ul', { class: 'facts', 'aria-label': 'About this chapter', dir: 'ltr' }, items);
}
