// Rereading a saved story (and continuing it, when it belongs to a child profile).

import { api, loadChildren } from '../api.js';
import { h, icon } from '../dom.js';
import { endChapter, reattachChapter, takeReattach } from '../story/chapters.js';
import { exportLinks } from '../story/exports.js';
import { renameControl } from '../story/rename.js';
import { storyScreen } from '../story/screen.js';
import { takeFlash } from '../ui/notices.js';

export async function viewStory(view, ctx) {
  const id = ctx.params[0];
  const back = h('a', { class: 'back-link', href: '#/library' }, icon('back'), 'Library');
  const loading = h('p', { class: 'loading', role: 'status' }, 'Opening the story…');
  view.append(back, ...takeFlash(), loading);
  const [story, children] = await Promise.all([api(`/stories/${id}`), loadChildren().catch(() => [])]);
  if (!ctx.alive()) return;
  const tools = h('div', { class: 'story-tools' }, exportLinks(story));
  loading.replaceWith(tools);
  const child = children.find((c) => c.id === story.child_id);
  const screen = storyScreen(view, {
    title: story.title,
    language: story.language,
    childName: child ? child.name : null,
    childId: child ? child.id : null,
    theme: story.theme,
    hero: story.hero_name,
    storyId: story.id,
  });
  tools.append(renameControl(story, (title) => screen.setTitle(title)));
  for (const chapter of story.chapters) {
    // A chapter remembers the choice (in the chapter before) that led to it.
    if (chapter.chosen_text && chapter.number > 1) screen.addChosen(chapter.chosen_text);
    screen.addSaved(chapter);
  }
  const last = story.chapters[story.chapters.length - 1];
  // The next chapter was being written when the page was reloaded: read it on.
  const again = takeReattach();
  if (last && again && again.params && again.chapter === last.number + 1 && screen.meta.childId) reattachChapter(screen, last, again);
  else if (last) endChapter(screen, last);
}
