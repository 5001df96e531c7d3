// Hash routes to views. Leaving a view closes its streams and stops reading aloud; arriving moves
// the focus to the new view's heading.

import { $, h } from './dom.js';
import { go, leaveView, refresh, setRenderer } from './navigation.js';
import { stopSpeaking } from './speech.js';
import { state } from './state.js';
import { showProblem } from './ui/notices.js';
import { viewLogin, viewSignup } from './views/auth.js';
import { viewChildren, viewEditChild } from './views/children.js';
import { viewIdea } from './views/idea.js';
import { viewLibrary } from './views/library.js';
import { viewForgot, viewReset } from './views/password.js';
import { viewStory } from './views/story.js';
import { viewWrite } from './views/write.js';

const ROUTES = [
  { path: /^\/login$/, view: viewLogin, public: true },
  { path: /^\/signup$/, view: viewSignup, public: true },
  { path: /^\/forgot$/, view: viewForgot, public: true },
  { path: /^\/reset$/, view: viewReset, public: true },
  { path: /^\/children$/, view: viewChildren, nav: 'children' },
  { path: /^\/children\/(\d+)$/, view: viewEditChild, nav: 'children' },
  { path: /^\/write\/(\d+)$/, view: viewWrite, nav: 'children' },
  { path: /^\/idea$/, view: viewIdea, nav: 'idea' },
  { path: /^\/library$/, view: viewLibrary, nav: 'library' },
  { path: /^\/story\/([0-9a-fA-F-]{36})$/, view: viewStory, nav: 'library' },
];
let renderToken = 0;
let firstRender = true;

async function render() {
  leaveView();
  stopSpeaking();
  const token = ++renderToken;
  const [path, query = ''] = (location.hash.replace(/^#/, '') || '/').split('?');
  const route = ROUTES.find((r) => r.path.test(path));
  if (!route) return go(state.user ? '#/children' : '#/login');
  if (!route.public && !state.user) {
    state.returnTo = location.hash;
    return go('#/login');
  }
  if (route.public && state.user) return go('#/children');

  const nav = $('#site-nav');
  nav.hidden = !state.user;
  $('#sign-out').hidden = !state.user;
  for (const link of nav.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === route.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = 'talestream: stories for your children';
  const view = h('div', { class: `view view--${path.split('/')[1] || 'home'}` });
  $('#main').replaceChildren(view);
  const ctx = {
    params: path.match(route.path).slice(1),
    query: new URLSearchParams(query),
    alive: () => token === renderToken,
  };
  const moved = !firstRender;
  firstRender = false;
  if (moved) window.scrollTo(0, 0);
  try {
    await route.view(view, ctx);
  } catch (error) {
    if (ctx.alive() && error.name !== 'AbortError') {
      for (const loading of view.querySelectorAll('.loading')) loading.remove();
      const slot = h('div', { class: 'form-message' });
      view.append(slot);
      showProblem(slot, error, { retry: refresh });
    }
  } finally {
    state.reattach = null; // a chapter a reload interrupted is for the first view only
  }
  // After navigating, move focus to the new view's heading (keyboard and screen-reader users
  // land on the new page), unless the view already put it somewhere on purpose.
  if (moved && ctx.alive() && !view.contains(document.activeElement)) {
    const heading = $('h1', view);
    if (heading) heading.focus({ preventScroll: true });
  }
}

/** Renders the view for the address now and whenever it changes. */
export function startRouter() {
  setRenderer(render);
  window.addEventListener('hashchange', render);
  render();
}
