// talestream family web app: plain ES modules in js/, loaded by the browser as they are. No
// framework, no build step, nothing from a CDN. This file starts the app; js/router.js maps
// addresses to the views in js/views/, and js/streams/ reads the two story streams, picking a
// dropped connection up again where it stopped (docs/streaming.md, "How the web app resumes"):
// * a chapter for a child profile over the native EventSource (GET
//   /api/v1/stories/generate/stream) with the cookie session;
// * a story from a parent's idea over fetch + a stream reader (POST
//   /api/v1/stories/generate-stream/, with the X-CSRF-Token header).
//
// Safety rule: story text, titles, choices, names and every server message reach the page as text
// nodes (Node.append of a string, textContent), never as HTML.

import { api, csrfToken } from './js/api.js';
import { $ } from './js/dom.js';
import { Problem } from './js/errors.js';
import { go } from './js/navigation.js';
import { startRouter } from './js/router.js';
import { canReattach, takeInterruptedChapter } from './js/story/chapters.js';
import { stopSpeaking } from './js/speech.js';
import { state } from './js/state.js';
import { problemNotice } from './js/ui/notices.js';

async function boot() {
  $('[data-skip]').addEventListener('click', (event) => {
    event.preventDefault(); // the hash is the router's: just move focus
    const target = $('#main h1') || $('#main');
    target.focus();
  });
  $('#sign-out').addEventListener('click', async () => {
    try {
      await api('/auth/logout', { method: 'POST', expireOn401: false });
    } catch {
      // signed out already, or offline: the page forgets the session either way
    }
    stopSpeaking();
    state.user = null;
    state.children = null;
    state.flash = { tone: 'success', title: 'You are signed out. See you at story time!' };
    go('#/login');
  });
  try {
    state.user = await api('/users/me', { expireOn401: false });
  } catch (problem) {
    if (problem.status === 401) {
      // A leftover CSRF cookie means there was a session, and it has ended.
      if (csrfToken()) state.flash = { tone: 'info', title: 'Your session has expired. Please sign in again.' };
    } else {
      const main = $('#main');
      main.replaceChildren(problemNotice(problem instanceof Problem ? problem : new Problem({ offline: true }), { retry: () => location.reload() }));
      return;
    }
  }
  const interrupted = takeInterruptedChapter();
  // A chapter a reload interrupted: its view reads the run again while the server still has it.
  if (interrupted && state.user && (await canReattach(interrupted))) {
    state.reattach = interrupted;
  } else if (interrupted && state.user) {
    state.flash = {
      tone: 'info',
      title: `Chapter ${interrupted.chapter} wasn't finished`,
      text: `The page was reloaded while chapter ${interrupted.chapter} of “${interrupted.title}” was being written, so nothing from it was saved. You can write it again.`,
    };
  }
  startRouter();
}

boot();
