// Whether this browser has been here before: a returning parent is welcomed back, a new visitor
// is shown how to start.

import { csrfToken } from './api.js';

const KEY = 'talestream.returning';

export function isReturning() {
  if (csrfToken()) return true; // a session cookie was set here, even if it has ended
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage blocked: every visit looks like the first
  }
}

export function rememberVisit() {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // storage blocked: nothing to remember with
  }
}
