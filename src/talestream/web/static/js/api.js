// The JSON API with the cookie session: one fetch wrapper, the CSRF header, errors as Problems.

import { Problem, endsSession, explain, problemFrom } from './errors.js';
import { go } from './navigation.js';
import { state } from './state.js';

export const API = '/api/v1';

/** The CSRF cookie's value, echoed in X-CSRF-Token on every unsafe request. */
export function csrfToken() {
  const match = document.cookie.match(/(?:^|; )talestream_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** JSON API call with the cookie session. Unsafe methods echo the CSRF cookie in X-CSRF-Token.
 * Throws Problem; a 401 (or a CSRF failure) sends the parent to sign-in with a clear message. */
export async function api(path, { method = 'GET', body, signal, expireOn401 = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
  let response;
  try {
    response = await fetch(API + path, {
      method,
      headers,
      credentials: 'same-origin',
      signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new Problem({ offline: true });
  }
  if (response.ok) return response.status === 204 ? null : response.json();
  const problem = await problemFrom(response);
  if (expireOn401 && endsSession(problem)) {
    sessionExpired(problem);
    problem.handled = true;
  }
  throw problem;
}

/** The session ended on the server: forget it and go to sign-in, remembering where we were. */
export function sessionExpired(problem) {
  state.user = null;
  state.children = null;
  const info = explain(problem || new Problem({ code: 'UNAUTHORIZED' }));
  state.flash = { tone: 'info', title: problem && problem.code === 'CSRF_FAILED' ? info.text : 'Your session has expired. Please sign in again.' };
  if (!/^#\/(login|signup)/.test(location.hash)) state.returnTo = location.hash;
  go('#/login');
}

export async function signIn(email, password) {
  await api('/auth/login', { method: 'POST', body: { email, password }, expireOn401: false });
  state.user = await api('/users/me');
  state.children = null;
}

export async function loadChildren(force = false) {
  if (!state.children || force) state.children = await api('/children/');
  return state.children;
}

/** The languages the configured storyteller writes, from /health (null if it cannot say). */
export async function storyLanguages() {
  if (!state.storyLanguages) {
    try {
      const health = await (await fetch('/health')).json();
      const languages = health.model && health.model.languages;
      state.storyLanguages = Array.isArray(languages) ? languages : null;
    } catch {
      state.storyLanguages = null; // unknown: say nothing rather than guess
    }
  }
  return state.storyLanguages;
}

export async function findChild(id) {
  const children = await loadChildren();
  return children.find((c) => c.id === id) || loadChildren(true).then((list) => list.find((c) => c.id === id));
}
