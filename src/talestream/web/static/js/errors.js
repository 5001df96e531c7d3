// Every failure the app can meet, as a Problem, and what to tell a parent about it.

import { plural, sentence } from './words.js';

export class Problem extends Error {
  constructor({ status = 0, code = 'ERROR', detail = '', errors = null, retryAfter = null, offline = false, lost = false }) {
    super(detail || code);
    Object.assign(this, { status, code, detail, errors, retryAfter, offline, lost, handled: false });
  }
}

export const FIELD_LABELS = {
  email: 'Email',
  password: 'Password',
  name: 'Name',
  age: 'Age',
  language: 'Language',
  reading_level: 'Reading level',
  interests: 'Interests',
  theme: 'Theme',
  title: 'Title',
  story_name: 'Story name',
  hero_name: "Hero's name",
  story_idea: 'Idea',
  story_style: 'Style',
  custom_choice: 'Your idea',
  choice_index: 'Choice',
};
const CODE_FOR_STATUS = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' };

function retryAfterSeconds(header) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const when = Date.parse(header);
  return Number.isNaN(when) ? null : Math.max(1, Math.ceil((when - Date.now()) / 1000));
}

/** An HTTP error response as a Problem: the API's JSON {detail, code} plus Retry-After. */
export async function problemFrom(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  return new Problem({
    status: response.status,
    code: body.code || CODE_FOR_STATUS[response.status] || (response.status >= 500 ? 'SERVER_ERROR' : 'ERROR'),
    detail: typeof body.detail === 'string' ? body.detail : '',
    errors: Array.isArray(body.errors) ? body.errors : null,
    retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
  });
}

/** A session that ended (401) or whose CSRF token no longer matches: the parent signs in again. */
export const endsSession = (problem) => problem.status === 401 || problem.code === 'CSRF_FAILED';

function validationText(problem) {
  if (!problem.errors || !problem.errors.length) return sentence(problem.detail);
  return problem.errors
    .map((error) => {
      const field = [...(error.loc || [])].reverse().find((part) => typeof part === 'string' && !['body', 'query', 'path'].includes(part));
      const label = FIELD_LABELS[field] || field || 'This';
      return sentence(`${label}: ${String(error.msg || '').replace(/^Value error, /, '')}`);
    })
    .join(' ');
}

const STREAM_PROBLEMS = {
  MODEL_UNAVAILABLE: ['The storyteller is resting', "The story model isn't available right now. Please try again in a little while."],
  MODEL_TIMEOUT: ['The storyteller took too long', 'Writing took longer than expected this time. Please try again.'],
  MODEL_BAD_OUTPUT: ['The storyteller got muddled', "This attempt didn't turn into a story. Please try again."],
  MODEL_ERROR: ['The storyteller got muddled', 'Something went wrong while writing. Please try again.'],
  CHAPTER_CONFLICT: ['This chapter is already written', 'It was written a moment ago, perhaps in another tab.'],
  WRONG_CHAPTER_NUMBER: ['This chapter is already written', 'It was written a moment ago, perhaps in another tab.'],
  STORY_GONE: ['This story was deleted', 'It was deleted while the chapter was being written.'],
  STORY_FINISHED: ['This story has ended', 'Start a new story to keep reading.'],
  NO_STORY_TO_CONTINUE: ["We couldn't find the story to continue", 'Open it from the library and pick a choice there.'],
  WRONG_CHILD: ['This story belongs to another child', 'Open it from the library to continue it.'],
  NOT_FOUND: ["We couldn't find that", 'It may have been deleted.'],
  FORBIDDEN: ["That isn't yours to open", 'It belongs to another account.'],
  // A chapter picked up again after the connection dropped (docs/streaming.md, resuming).
  RUN_ABANDONED: ['Lost connection', 'The connection was gone too long, so the storyteller stopped. Nothing from this chapter was saved.'],
  RUN_EXPIRED: ['This chapter can no longer be picked up', 'It was too long ago to carry on where it stopped. Nothing from this chapter was saved.'],
  RUN_LOST: ['The storyteller was interrupted', 'The server writing this chapter stopped unexpectedly. Nothing from it was saved.'],
  RUN_STOPPED: ['Stopped', 'The storyteller was stopped, perhaps in another tab, so nothing from this chapter was saved.'],
  SERVER_SHUTTING_DOWN: ['The storyteller is restarting', 'The chapter could not be finished before the restart. Nothing from it was saved.'],
};
const RETRYABLE = new Set([
  'MODEL_UNAVAILABLE',
  'MODEL_TIMEOUT',
  'MODEL_BAD_OUTPUT',
  'MODEL_ERROR',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'RUN_ABANDONED',
  'RUN_EXPIRED',
  'RUN_LOST',
  'RUN_STOPPED',
  'SERVER_SHUTTING_DOWN',
]);

/** What to tell a parent about a problem: {title, text, retry}. */
export function explain(problem) {
  if (problem.offline) {
    return { title: "We couldn't reach talestream", text: 'Please check your internet connection, then try again.', retry: true };
  }
  if (problem.lost) {
    return {
      title: 'Lost connection',
      text: 'The connection to the storyteller dropped before the chapter was finished. Nothing from this chapter was saved.',
      retry: true,
    };
  }
  const { code } = problem;
  if (code === 'STOPPED') {
    return { title: 'Stopped', text: 'The storyteller was stopped, so nothing from this chapter was saved.', retry: true };
  }
  if (code === 'UNAUTHORIZED') return { title: 'Please sign in again', text: 'Your session has expired.' };
  if (code === 'CSRF_FAILED') return { title: 'Please sign in again', text: 'For your security, your session needs to be renewed.' };
  if (code === 'RATE_LIMITED') {
    const wait = problem.retryAfter ? plural(problem.retryAfter, 'second') : 'a moment';
    return { title: 'Time for a little pause', text: `That was a lot of stories in a short time. Please wait ${wait}, then try again.`, retry: true };
  }
  if (code === 'UNSAFE_REQUEST') return { title: "Let's choose something gentler", text: sentence(problem.detail) };
  if (code === 'UNSAFE_CONTENT') {
    return {
      title: "Let's try a different theme",
      text: sentence(problem.detail) || "We couldn't write a version of this story that passed our safety check, so nothing was shown or saved.",
      retry: true,
    };
  }
  if (code === 'VALIDATION_ERROR' || code === 'INVALID_CHOICE') return { title: 'Please check what you entered', text: validationText(problem) };
  if (code === 'EMAIL_TAKEN') return { title: 'That email already has an account', text: 'Sign in instead, or use a different email address.' };
  if (STREAM_PROBLEMS[code]) {
    const [title, text] = STREAM_PROBLEMS[code];
    return { title, text, retry: RETRYABLE.has(code) };
  }
  if (problem.status >= 500 || code === 'SERVER_ERROR') {
    return { title: 'Something went wrong on our side', text: 'Please try again in a moment.', retry: true };
  }
  return { title: 'Something went wrong', text: sentence(problem.detail) || 'Please try again.', retry: true };
}
