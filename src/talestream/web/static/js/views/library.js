// The library: every saved story, filtered by child, a page at a time.

import { api, loadChildren } from '../api.js';
import { $, busy, button, h, icon, nextId } from '../dom.js';
import { go } from '../navigation.js';
import { pageHead } from '../ui/forms.js';
import { confirmInline, showProblem, takeFlash } from '../ui/notices.js';
import { exportLinks } from '../story/exports.js';
import { plural, when } from '../words.js';

function storyCard(story, childName, onDeleted) {
  const who = childName ? `For ${childName}` : story.hero_name ? `Hero: ${story.hero_name}` : null;
  const meta = [who, plural(story.chapter_count, 'chapter'), story.theme].filter(Boolean);
  const date = h('time', { datetime: story.updated_at }, when(story.updated_at));
  const firstLine = story.first_line
    ? h('span', { class: 'story-card__first-line', dir: 'auto', lang: story.language }, story.first_line)
    : null;
  const slot = h('div', { class: 'form-message' });
  const remove = button('Delete', { class: 'btn btn-quiet btn-small', 'aria-label': `Delete “${story.title}”` });
  const item = h(
    'li',
    { class: 'story-card card' },
    h(
      'a',
      { class: 'story-card__link', href: `#/story/${story.id}` },
      h('span', { class: 'story-card__cover', 'aria-hidden': 'true', style: `--hue: ${parseInt(story.id.slice(0, 6), 16) % 360}` }, icon('book')),
      h(
        'span',
        { class: 'story-card__body' },
        h('span', { class: 'story-card__title', dir: 'auto', lang: story.language }, story.title),
        firstLine,
        h('span', { class: 'story-card__meta' }, [...meta, ''].join(' · '), date),
      ),
    ),
    h('div', { class: 'story-card__actions' }, exportLinks(story, { small: true }), remove),
    slot,
  );
  confirmInline(remove, {
    into: $('.story-card__actions', item),
    label: 'Confirm delete',
    question: `Delete “${story.title}”? This can't be undone.`,
    yes: 'Delete',
    working: 'Deleting…',
    small: true,
    slot,
    action: async () => {
      await api(`/stories/${story.id}`, { method: 'DELETE' });
      onDeleted(item);
    },
  });
  return item;
}

export async function viewLibrary(view, ctx) {
  view.append(pageHead('Library', 'Every saved story, ready to read again.'), ...takeFlash());
  const children = await loadChildren();
  if (!ctx.alive()) return;
  const childFilter = ctx.query.get('child') || '';
  const names = new Map(children.map((c) => [c.id, c.name]));
  const filterId = nextId('filter');
  const select = h(
    'select',
    { id: filterId },
    h('option', { value: '' }, 'All stories'),
    children.map((c) => h('option', { value: String(c.id) }, c.name)),
  );
  select.value = childFilter;
  select.addEventListener('change', () => go(select.value ? `#/library?child=${select.value}` : '#/library'));
  const list = h('ul', { class: 'story-list' });
  const more = button('Show more stories', { class: 'btn btn-secondary' });
  more.hidden = true;
  const slot = h('div', { class: 'form-message' });
  const count = h('p', { class: 'muted library__count', role: 'status' });
  view.append(h('div', { class: 'library__tools' }, h('label', { for: filterId }, 'Show'), select, count), slot, list, more);

  let offset = 0;
  let total = 0;
  const limit = 12;
  const updateCount = () => {
    count.textContent = total ? plural(total, 'story', 'stories') : '';
  };
  const load = async () => {
    const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    if (childFilter) query.set('child_id', childFilter);
    const page = await api(`/stories/?${query}`);
    if (!ctx.alive()) return;
    total = page.total;
    offset += page.items.length;
    list.append(
      ...page.items.map((story) =>
        storyCard(story, names.get(story.child_id), (item) => {
          item.remove();
          total -= 1;
          offset -= 1;
          updateCount();
          if (!total) showEmpty();
        }),
      ),
    );
    more.hidden = offset >= total;
    updateCount();
    if (!total) showEmpty();
  };
  const showEmpty = () => {
    const who = childFilter && names.get(Number(childFilter));
    list.replaceChildren(
      h(
        'li',
        { class: 'empty card' },
        h('p', { class: 'empty__title' }, who ? `No stories for ${who} yet.` : 'No stories yet.'),
        h(
          'p',
          {},
          children.length
            ? 'Start one from a child profile: it appears here once the first chapter is saved.'
            : 'Add a child profile to write their first story.',
        ),
        childFilter
          ? h('a', { class: 'btn btn-primary', href: `#/write/${childFilter}` }, 'Start a story')
          : h('a', { class: 'btn btn-primary', href: '#/children' }, 'Go to children'),
      ),
    );
  };
  more.addEventListener('click', async () => {
    const restore = busy(more, 'Loading…');
    try {
      await load();
    } catch (problem) {
      showProblem(slot, problem);
    } finally {
      restore();
      more.hidden = offset >= total;
    }
  });
  await load();
}
