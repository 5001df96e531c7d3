// The POST story stream (POST /api/v1/stories/generate-stream/) over fetch and a stream reader:
// EventSource can only GET. Errors before the stream are ordinary JSON responses; after it
// started, `error` messages.
//
// A connection that drops mid-story is picked up again the way EventSource would: the same POST
// with the Last-Event-ID header of the last whole message, after the stream's `retry:` delay
// (doubling, up to RESUME_MAX_DELAY_MS), and the server goes on with the same run after that
// message: no text twice, none missing (docs/streaming.md, "Disconnects and resuming"). After
// RESUME_ATTEMPTS failed attempts in a row the connection counts as lost. Before the first message
// there is nothing to resume from (a new POST would start a second story), so that is lost at once.

import { API, csrfToken } from '../api.js';
import { Problem, problemFrom } from '../errors.js';

const RESUME_ATTEMPTS = 5;
const RESUME_MAX_DELAY_MS = 8000; // with a 2 s `retry:`: 2 + 4 + 8 + 8 + 8 s, past the server's 20 s window

/**
 * Posts `body` (with the X-CSRF-Token header) and hands every `data:` message before the last to
 * onMessage(message); with `resumeFrom` (an event id) it reads that run on from after that
 * message instead. While a dropped connection is picked up again, onReconnecting() and then
 * onReconnected(). Resolves with the `completed` message; rejects with a Problem: the HTTP
 * refusal, the `error` message, offline, or lost. Aborting `signal` ends it (as offline).
 */
export async function postStoryStream(body, { signal, resumeFrom, onMessage, onReconnecting, onReconnected }) {
  let lastId = resumeFrom || '';
  let retryMs = 2000;
  let failures = 0; // failed attempts in a row; a message that arrives starts the count again
  let away = false; // between a dropped connection and the answer to its resume
  let completed = null;
  let failed = null;
  const handle = (message) => {
    if (message.type === 'completed') completed = message;
    else if (message.type === 'error') failed = new Problem({ code: message.code || 'MODEL_ERROR', detail: message.message || '' });
    else onMessage(message);
  };
  /** One whole message (the lines before a blank line): `id:`, `retry:`, `data:`, comments. */
  const frame = (lines) => {
    const data = [];
    let id = null;
    for (const line of lines) {
      const [, field, value] = line.match(/^([^:]*):? ?(.*)$/);
      if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    }
    if (data.length) {
      try {
        handle(JSON.parse(data.join('\n')));
      } catch {
        // ignore a malformed message
      }
    }
    if (id) {
      lastId = id; // the `id:` line comes last: this message arrived whole
      failures = 0;
    }
  };

  for (;;) {
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-CSRF-Token': csrfToken() };
    if (lastId) headers['Last-Event-ID'] = lastId;
    let response = null;
    try {
      response = await fetch(`${API}/stories/generate-stream/`, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body), signal });
    } catch {
      if (signal.aborted || !lastId) throw new Problem({ offline: true });
    }
    if (response) {
      // 204: a resume after the last message, which we never saw.
      if (response.status === 204) throw new Problem({ lost: true });
      if (!response.ok) throw await problemFrom(response);
      if (away) {
        away = false;
        onReconnected();
      }
      try {
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        while (!completed && !failed) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while (!completed && !failed && (end = buffer.indexOf('\n\n')) >= 0) {
            frame(buffer.slice(0, end).split('\n'));
            buffer = buffer.slice(end + 2);
          }
        }
        reader.cancel().catch(() => {});
      } catch {
        // the connection dropped: picked up below
      }
    }
    if (failed) throw failed;
    if (completed) return completed;
    if (signal.aborted) throw new Problem({ offline: true });
    if (!lastId || failures >= RESUME_ATTEMPTS) throw new Problem({ lost: true });
    failures += 1;
    if (!away) {
      away = true;
      onReconnecting();
    }
    await pause(Math.min(retryMs * 2 ** (failures - 1), RESUME_MAX_DELAY_MS), signal);
    if (signal.aborted) throw new Problem({ offline: true });
  }
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
