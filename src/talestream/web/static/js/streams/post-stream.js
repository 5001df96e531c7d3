// The POST story stream (POST /api/v1/stories/generate-stream/) over fetch and a stream reader:
// EventSource can only GET. Errors before the stream are ordinary JSON responses; after it
// started, `error` messages; a stream that ends without `completed` or `error` lost its connection.

import { API, csrfToken } from '../api.js';
import { Problem, problemFrom } from '../errors.js';

/**
 * Posts `body` (with the X-CSRF-Token header) and hands every `data:` message before the last to
 * onMessage(message). Resolves with the `completed` message; rejects with a Problem: the HTTP
 * refusal, the `error` message, offline, or lost. Aborting `signal` ends it (as offline).
 */
export async function postStoryStream(body, { signal, onMessage }) {
  let response;
  try {
    response = await fetch(`${API}/stories/generate-stream/`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    throw new Problem({ offline: true });
  }
  if (!response.ok) throw await problemFrom(response);

  let completed = null;
  let failed = null;
  const handle = (message) => {
    if (message.type === 'completed') completed = message;
    else if (message.type === 'error') failed = new Problem({ code: message.code || 'MODEL_ERROR', detail: message.message || '' });
    else onMessage(message);
  };
  try {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    while (!completed && !failed) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).replace(/^ /, ''));
        if (!data.length) continue; // a keep-alive comment
        try {
          handle(JSON.parse(data.join('\n')));
        } catch {
          // ignore a malformed message
        }
      }
    }
    reader.cancel().catch(() => {});
  } catch {
    // the connection dropped: handled below
  }
  if (failed) throw failed;
  if (!completed) throw new Problem({ lost: true });
  return completed;
}
