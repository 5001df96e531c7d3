// The GET chapter stream (GET /api/v1/stories/generate/stream) over the native EventSource, with
// the cookie session.
//
// A dropped connection is picked up again. Every event carries an `id:` and the stream starts
// with `retry:`, so once an event arrived EventSource reconnects by itself, sends Last-Event-ID,
// and the server goes on with the same run after that event: no text twice, none missing
// (docs/streaming.md, "Disconnects and resuming"). We only say "Reconnecting…" meanwhile, and give
// up after RECONNECT_LIMIT_MS. Before the first event there is nothing to resume from: a
// reconnect then would start a second story, so a failure that early ends the stream.
//
// Telling failures apart. EventSource reports every failure as the same bare `error` event: it
// cannot read an HTTP error's status or body. Two facts help:
//  - `open` fires once the server answered 200 with text/event-stream. An error *before* `open`
//    with readyState CLOSED means the server refused the request (any non-200 status: EventSource
//    gives up for good). A network failure instead leaves readyState CONNECTING: EventSource
//    reconnects by itself, which we allow only when it resumes (above).
//  - GET /api/v1/users/me is cheap and changes nothing: 401 means the session expired (sign in
//    again), no answer means the connection is gone ("Lost connection" with a Retry button).
// Only when the session is fine and the server refused the stream do we repeat the same GET with
// fetch (with the same last_event_id when it was a resume), to read the refusal's JSON
// {detail, code} (and Retry-After) for the parent: the kind UNSAFE_REQUEST explanation, a
// validation problem, a rate limit, a chapter written meanwhile. Those refusals come from the
// checks that run before any story is written, so the repeat is refused the same way and starts
// nothing. Should it succeed after all (the refusal was momentary), it is aborted as soon as its
// headers arrive.
// An `error` event in the stream (the story model failed, the safety check rejected every attempt,
// the run was stopped or abandoned, ...) carries its own code and message, and ends the stream.

import { API } from '../api.js';
import { Problem, problemFrom } from '../errors.js';

// The server keeps a run going this long for a reader who left (20 s by default); a little more,
// and the reader is told the connection is lost.
const RECONNECT_LIMIT_MS = 30000;

/**
 * Opens the stream for `params` (query parameters; empty values are left out), or, with
 * `resumeFrom` (an event id), reads that run on from after that event. Each `story_chunk` goes to
 * onEvent(type, data); `complete` ends the stream. While a dropped connection is picked up again,
 * onReconnecting() and then onReconnected(). A failure, told apart as above, goes once to
 * onProblem(problem), after onChecking() while the page finds out why. Returns close(): this
 * reader leaves (the server keeps the run for its resume window; stop it to end it at once).
 */
export function readChapterStream(params, { resumeFrom, onEvent, onProblem, onChecking, onReconnecting, onReconnected }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const url = `${API}/stories/generate/stream?${query}`;
  const source = new EventSource(resumeFrom ? `${url}&last_event_id=${encodeURIComponent(resumeFrom)}` : url, { withCredentials: true });
  let opened = false; // this connection (the first, or the latest reconnect) was answered
  let lastEventId = resumeFrom || '';
  let giveUp = null; // while reconnecting: the timer that ends the wait
  let settled = false;
  const close = () => {
    settled = true;
    clearTimeout(giveUp);
    source.close();
  };
  const fail = async (refused) => {
    close();
    onChecking();
    // A refused resume is repeated as a resume, so that the repeat cannot start a new story.
    const again = lastEventId ? `${url}&last_event_id=${encodeURIComponent(lastEventId)}` : url;
    onProblem(await diagnoseStreamFailure(again, refused));
  };

  source.addEventListener('open', () => {
    opened = true;
    if (giveUp === null) return;
    clearTimeout(giveUp);
    giveUp = null;
    onReconnected();
  });
  source.addEventListener('story_chunk', (event) => {
    if (settled) return;
    if (event.lastEventId) lastEventId = event.lastEventId;
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
  source.addEventListener('error', () => {
    if (settled) return;
    const refused = !opened && source.readyState === EventSource.CLOSED;
    opened = false;
    if (source.readyState === EventSource.CONNECTING && lastEventId) {
      // EventSource reconnects by itself, with Last-Event-ID; a failed attempt lands here again.
      if (giveUp === null) {
        giveUp = setTimeout(() => fail(false), RECONNECT_LIMIT_MS);
        onReconnecting();
      }
      return;
    }
    fail(refused);
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
