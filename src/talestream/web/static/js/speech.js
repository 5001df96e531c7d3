// Reading a chapter aloud with the browser's speechSynthesis, one reader at a time.

import { icon } from './dom.js';
import { SPEECH_LANG } from './words.js';

const speech =
  'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : null;

let speaking = null;
// Browsers load their voices after the page: an empty list may only mean "not yet". Some fire
// voiceschanged when they are ready, others never do; after this long the list is what it is.
const VOICES_WAIT_MS = 1500;

/** Resolves once the device's voices are known (at once when there is no speech at all). */
export const voicesKnown = new Promise((resolve) => {
  if (!speech || speech.getVoices().length) return resolve();
  const done = () => {
    speech.removeEventListener('voiceschanged', done);
    resolve();
  };
  speech.addEventListener('voiceschanged', done);
  setTimeout(done, VOICES_WAIT_MS);
});

/** A voice that speaks `language` ("he" also matches "iw", the older code Android uses). */
export function voiceFor(language) {
  if (!speech) return null;
  const wanted = language === 'he' ? ['he', 'iw'] : [language];
  return speech.getVoices().find((v) => wanted.includes((v.lang || '').toLowerCase().split(/[-_]/)[0])) || null;
}

function setSpeakButton(btn, on) {
  btn.setAttribute('aria-pressed', String(on));
  btn.replaceChildren(icon(on ? 'stop' : 'speaker'), on ? 'Stop reading' : 'Read aloud');
}

export function stopSpeaking() {
  if (!speech) return;
  const current = speaking;
  speaking = null;
  if (current) setSpeakButton(current.button, false);
  speech.cancel();
}

/** Reads `text` aloud in the story's language; `onFail` tells the parent when the device cannot. */
export function speak(btn, text, language, onFail) {
  if (speaking && speaking.button === btn) return stopSpeaking();
  stopSpeaking();
  // One utterance per sentence: Chrome stops long utterances after about 15 seconds.
  const parts = (text.match(/[^.!?…\n]+[.!?…]*["”»'’]*\s*/g) || [text]).map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return;
  const lang = SPEECH_LANG[language] || language;
  const voice = voiceFor(language);
  const session = { button: btn };
  speaking = session;
  setSpeakButton(btn, true);
  parts.forEach((part, index) => {
    const utterance = new SpeechSynthesisUtterance(part);
    utterance.lang = lang;
    if (voice) utterance.voice = voice;
    utterance.rate = 0.92;
    utterance.onerror = (event) => {
      if (speaking === session && !['interrupted', 'canceled'].includes(event.error)) {
        stopSpeaking();
        onFail();
      }
    };
    if (index === parts.length - 1) {
      utterance.onend = () => {
        if (speaking === session) {
          speaking = null;
          setSpeakButton(btn, false);
        }
      };
    }
    speech.speak(utterance);
  });
}
