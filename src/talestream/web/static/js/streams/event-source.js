// The GET chapter stream (GET /api/v1/stories/generate/stream) over the native EventSource, with
// the cookie session.
//
// Telling failures apart. EventSource reports every failure as the same bare `error` event: it
// cannot read an HTTP error's status or body. Two facts help:
//  - `open` fires once the server answered 200 with text/event-stream. An error *before* `open`
//    with readyState CLOSED means the server refused the request (any non-200 status: EventSource
//    gives up for good). A network failure instead leaves readyState CONNECTING (EventSource would
//    reconnect by itself, and for a chapter that would restart it); we always close it ourselves.
//  - GET /api/v1/users/me is cheap and changes nothing: 401 means the session expired (sign in
//    again), no answer means the connection is gone ("Lost connection" with a Retry button).
// Only when the session is fine and the server refused the stream do we repeat the same GET with
// fetch, to read the refusal's JSON {detail, code} (and Retry-After) for the parent: the kind
// UNSAFE_REQUEST explanation, a validation problem, a rate limit, a chapter written meanwhile.
// Those refusals come from the checks that run before any story is written, so the repeat is
// refused the same way and starts nothing. Should it succeed after all (the refusal was
// momentary), it is aborted as soon as its headers arrive: the server cancels a stream whose
// client left at once, and saves nothing.
// An `error` event in the stream (the story model failed, the safety check rejected every attempt,
// ...) carries its own code and message, and also ends the stream.

import { API } from '../api.js';
import { Problem, problemFrom } from '../errors.js';

/**
 * Opens the stream for `params` (query parameters; empty values are left out). Each `story_chunk`
 * goes to onEvent(type, data); `complete` ends the stream. A failure, told apart as above, goes
 * once to onProblem(problem), after onChecking() while the page finds out why. Returns close():
 * the server stops writing at once and saves nothing.
 */
export function readChapterStream(params, { onEvent, onProblem, onChecking }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const url = `${API}/stories/generate/stream?${query}`;
  const source = new EventSource(url, { withCredentials: true });
  let opened = false;
  let settled = false;
  const close = () => {
    settled = true;
    source.close();
  };

  source.addEventListener('open', () => {
    opened = true;
  });
  source.addEventListener('story_chunk', (event) => {
    if (settled) return;
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    const { type, data = {} } = message;
    if (type === 'complete' || type === 'error') close();
    if (type === 'error') onProblem(new Problem({ code: data.code || 'MODEL_ERROR', detail: data.message || '' }));
    else onEvent(type, data);
  });
  source.addEventListener('error', async () => {
    if (settled) return;
    settled = true;
    const refused = !opened && source.readyState === EventSource.CLOSED;
    source.close();
    onChecking();
    onProblem(await diagnoseStreamFailure(url, refused));
  });
  return close;
}

/** Why did an EventSource fail? See the top of this file. Returns a Problem. */
async function diagnoseStreamFailure(url, refused) {
  let me;
  try {
    me = await fetch(`${API}/users/me`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    return new Problem({ lost: true });
  }
  if (!me.ok) return problemFrom(me); // 401: the session expired; 429/5xx: say so
  if (!refused) return new Problem({ lost: true });
  const controller = new AbortController();
  try {
    const again = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    if (again.ok) {
      controller.abort();
      return new Problem({ lost: true });
    }
    return await problemFrom(again);
  } catch {
    return new Problem({ lost: true });
  }
}
