// Writing chapters live: a chapter streams into the story screen, its ending offers the choices,
// and a choice streams the next chapter. The two wire formats are read in ../streams/.

import { api, sessionExpired } from '../api.js';
import { $, button } from '../dom.js';
import { Problem, endsSession } from '../errors.js';
import { onLeave, refresh } from '../navigation.js';
import { readChapterStream } from '../streams/event-source.js';
import { postStoryStream } from '../streams/post-stream.js';
import { state } from '../state.js';
import { problemNotice } from '../ui/notices.js';
import { progressSteps } from './progress.js';
import { textWriter } from './text-writer.js';

// A chapter being written is noted in the tab's session storage with its run id, so that after a
// reload (which ends the stream; the server keeps the run for its resume window) the page can
// read the same run again, or say what happened.
const WRITING_KEY = 'talestream.writing';
// A run in these states can be read again: still writing, paused before its save for a reader,
// or finished (a replay shows what became of it, saved or not).
const READABLE = new Set(['running', 'waiting', 'done']);

function noteWriting(note) {
  try {
    if (note) sessionStorage.setItem(WRITING_KEY, JSON.stringify(note));
    else sessionStorage.removeItem(WRITING_KEY);
  } catch {
    // storage blocked: a reload just cannot be explained
  }
}

/** The chapter that was being written when this tab was reloaded, if any: {title, chapter, hash,
 * runId, params (GET) or body (POST), chosen}. */
export function takeInterruptedChapter() {
  try {
    const note = JSON.parse(sessionStorage.getItem(WRITING_KEY) || 'null');
    sessionStorage.removeItem(WRITING_KEY);
    return note;
  } catch {
    return null;
  }
}

/** Can the interrupted chapter be read again? Asks the server whether its run is still there. */
export async function canReattach(note) {
  if (!note.runId || note.hash !== location.hash) return false;
  try {
    const run = await api(`/stories/runs/${encodeURIComponent(note.runId)}`, { expireOn401: false });
    return READABLE.has(run.state);
  } catch {
    return false;
  }
}

/** The interrupted chapter the app found readable on start, for the view it was written in. */
export function takeReattach() {
  const note = state.reattach;
  state.reattach = null;
  return note && note.hash === location.hash ? note : null;
}

/** The whole of a run from its first event: a reloaded page has none of its text any more. */
const fromStart = (runId) => `${runId}.0`;

/** A chapter that is being written: its section, progress above the text, and the text writer.
 * `note` is what a reload needs to read it again; `onStop` runs when the parent stops it. */
function liveChapter(screen, number, note, onStop) {
  const block = screen.chapter(number);
  let runId = null;
  let writing = true;
  /** Stops the run on the server at once (the parent stopped or left it): nothing is saved. */
  const stopRun = () => {
    if (writing && runId) api(`/stories/runs/${encodeURIComponent(runId)}`, { method: 'DELETE', expireOn401: false }).catch(() => {});
  };
  const progress = progressSteps({
    onStop() {
      stopRun();
      onStop();
    },
  });
  const writer = textWriter(block.text);
  block.text.classList.add('is-streaming');
  block.text.setAttribute('aria-live', 'polite');
  block.section.insertBefore(progress.root, block.text);
  screen.chapters.append(block.section);
  const done = () => {
    writing = false;
    noteWriting(null);
    progress.finish();
    block.text.classList.remove('is-streaming');
    block.text.removeAttribute('aria-live');
  };
  /** The chapter failed or was stopped: it goes, with everything it showed. */
  const drop = () => {
    writing = false;
    noteWriting(null);
    progress.quiet();
    block.section.remove();
  };
  /** The server named the run: a reload can read it again, Stop can end it. */
  const named = (id) => {
    if (!id || runId) return;
    runId = id;
    if (writing) noteWriting({ ...note, runId });
  };
  note = { ...note, title: screen.title.textContent, chapter: number, hash: location.hash };
  noteWriting(note);
  onLeave(() => {
    stopRun();
    progress.quiet();
    noteWriting(null);
  });
  return { block, progress, writer, done, drop, named, stopRun };
}

/** Shows the ending after a chapter: big choice buttons when the story can go on. */
export function endChapter(screen, chapter) {
  const canContinue = Boolean(screen.meta.childId && screen.meta.childName);
  screen.showEnding(chapter, canContinue ? { onChoose: (choice, text) => continueStory(screen, chapter, choice, text) } : {});
}

/** Continue a child's story: a choice (index) or the child's own idea, streamed as chapter N+1;
 * with `runId`, the run that was writing it when the page was reloaded is read again. */
function continueStory(screen, lastChapter, choice, chosenText, runId) {
  const { meta } = screen;
  const chosen = screen.addChosen(chosenText);
  screen.endSlot.replaceChildren();
  // A bedtime story stays a bedtime story for the chapters read the same evening.
  const params = { child_id: meta.childId, theme: meta.theme, chapter_number: screen.count + 1, story_id: meta.storyId, bedtime: meta.bedtime || undefined, ...choice };
  const run = (again) =>
    streamChildChapter(screen, params, {
      runId: again,
      chosen: chosenText,
      onFail(problem) {
        chosen.remove();
        const extra = [];
        if (['CHAPTER_CONFLICT', 'WRONG_CHAPTER_NUMBER'].includes(problem.code)) {
          extra.push(button('Show the saved story', { class: 'btn btn-primary', onclick: () => refresh() }));
        }
        const box = problemNotice(problem, {
          retry: () => {
            box.remove();
            screen.endSlot.replaceChildren();
            screen.chapters.append(chosen);
            run();
          },
          extra,
        });
        const section = screen.showEnding(lastChapter, {
          onChoose: (next, text) => continueStory(screen, lastChapter, next, text),
          noticeEl: box,
          ownIdea: choice.custom_choice, // what the child typed stays, to change
        });
        section.scrollIntoView({ block: 'start', behavior: 'smooth' });
        $('.notice__title', box).focus({ preventScroll: true });
      },
    });
  run(runId);
}

/** Reads on the chapter after `lastChapter` that a reload interrupted (see takeReattach). */
export function reattachChapter(screen, lastChapter, note) {
  const choice = note.params.custom_choice ? { custom_choice: note.params.custom_choice } : { choice_index: Number(note.params.choice_index) };
  continueStory(screen, lastChapter, choice, note.chosen || '', note.runId);
}

/** Streams one chapter for a child profile (the GET stream) into `screen`; with `runId`, reads
 * that run again from its start instead of starting one. */
export function streamChildChapter(screen, params, { onFail, runId, chosen }) {
  const stopped = () => {
    close();
    drop();
    onFail(new Problem({ code: 'STOPPED' }));
  };
  const { block, progress, writer, done, drop, named, stopRun } = liveChapter(screen, params.chapter_number, { params, chosen }, stopped);
  if (params.chapter_number > 1) {
    block.section.scrollIntoView({ block: 'start', behavior: 'smooth' });
    block.heading.focus({ preventScroll: true });
  }
  const close = readChapterStream(params, {
    resumeFrom: runId && fromStart(runId),
    onEvent(type, data) {
      progress.alive();
      if (type === 'node_event') {
        named(data.run_id); // on the first one
        if (data.status === 'retry' && data.discard) writer.clear(); // that text was not safe enough
        progress.node(data);
      } else if (type === 'content') {
        if (data.chunk) {
          writer.add(data.chunk);
          progress.text();
        }
      } else if (type === 'safety_check') {
        if (!data.approved) progress.say('That version was not quite right for a child. Writing a gentler one…');
      } else if (type === 'complete') {
        done();
        if (data.story_content && writer.text.trim() !== data.story_content.trim()) {
          writer.clear();
          writer.add(data.story_content);
        }
        screen.meta.storyId = data.story_id;
        screen.setTitle(data.title);
        if (params.chapter_number === 1) history.replaceState(null, '', `#/story/${data.story_id}`);
        screen.finishChapter(block, data);
        endChapter(screen, data);
      }
    },
    onReconnecting: () => progress.reconnecting(),
    onReconnected: () => progress.reconnected(),
    onChecking: () => {
      progress.quiet();
      progress.say('Checking the connection…');
    },
    onProblem(problem) {
      if (!block.section.isConnected) return; // the parent left while we found out why
      if (problem.lost) stopRun(); // we gave up on it: the server need not wait for us
      drop();
      if (endsSession(problem)) return sessionExpired(problem);
      onFail(problem);
    },
  });
  onLeave(close);
}

/** Streams a new story from a parent's idea (the POST stream) into `screen`; with `runId`, reads
 * that run again from its start instead of starting one. */
export async function streamIdeaStory(screen, body, { onFail, runId }) {
  const controller = new AbortController();
  let stopped = false;
  const { block, progress, writer, done, drop, named, stopRun } = liveChapter(screen, 1, { body }, () => {
    stopped = true;
    controller.abort();
  });
  let left = false;
  onLeave(() => {
    left = true;
    controller.abort();
  });

  let completed;
  try {
    completed = await postStoryStream(body, {
      signal: controller.signal,
      resumeFrom: runId && fromStart(runId),
      onMessage(message) {
        progress.alive();
        if (message.type === 'started') {
          named(message.run_id);
          progress.node({ node: 'generate_content', status: 'started' });
        } else if (message.type === 'queued') progress.node({ node: 'generate_content', status: 'queued', position: message.position });
        else if (message.type === 'content') {
          if (typeof message.data === 'string') {
            writer.add(message.data);
            progress.text();
          }
        } else if (message.type === 'retry') {
          if (message.discard !== false) writer.clear();
          progress.node({ node: 'generate_content', status: 'retry' });
        }
      },
      onReconnecting: () => progress.reconnecting(),
      onReconnected: () => progress.reconnected(),
    });
  } catch (problem) {
    if (left) return;
    if (problem.lost) stopRun(); // we gave up on it: the server need not wait for us
    drop();
    if (stopped) return onFail(new Problem({ code: 'STOPPED' }));
    if (endsSession(problem)) return sessionExpired(problem);
    return onFail(problem);
  }
  if (left) return;

  // The POST stream's `completed` has no metrics: read the saved chapter for them.
  done();
  screen.meta.storyId = completed.story_id;
  history.replaceState(null, '', `#/story/${completed.story_id}`);
  let chapter = { choice_question: completed.choice_question, choices: completed.choices };
  try {
    const story = await api(`/stories/${completed.story_id}`);
    chapter = story.chapters[0] || chapter;
    screen.setTitle(story.title);
  } catch (problem) {
    if (problem.handled) return;
  }
  if (left) return;
  screen.finishChapter(block, chapter);
  endChapter(screen, chapter);
}
