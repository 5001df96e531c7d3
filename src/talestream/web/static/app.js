// talestream family web app: one plain ES module. No framework, no build step, nothing from a CDN.
//
// Safety rule: story text, titles, choices, names and every server message reach the page as text
// nodes (Node.append of a string, textContent), never as HTML.
//
// Streaming:
// * A chapter for a child profile streams over the native EventSource (GET
//   /api/v1/stories/generate/stream) with the cookie session; streamChildChapter() explains how
//   its failures are told apart, since EventSource cannot read an HTTP error.
// * A story from a parent's idea streams over fetch + a stream reader (POST
//   /api/v1/stories/generate-stream/, with the X-CSRF-Token header); see streamIdeaStory().

const API = '/api/v1';
const SVG_NS = 'http://www.w3.org/2000/svg';

const LANGUAGES = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ru: 'Русский',
  he: 'עברית (Hebrew)',
};
const SPEECH_LANG = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE', ru: 'ru-RU', he: 'he-IL' };
const RTL_LANGUAGES = new Set(['he']);
const LEVELS = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };
const THEMES = ['adventure', 'friendship', 'animals', 'space', 'magic', 'bedtime', 'ocean', 'dinosaurs'];
const STYLES = ['Fantasy', 'Funny', 'Bedtime', 'Adventure', 'Fairy tale', 'Mystery'];
const STEPS = [
  ['generate_content', 'Writing'],
  ['safety_check', 'Safety check'],
  ['calculate_metrics', 'Reading metrics'],
  ['save', 'Saved'],
];
const STEP_STATE_TEXT = { pending: 'not started', active: 'in progress', waiting: 'waiting', done: 'done' };
const FIELD_LABELS = {
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
const ICONS = {
  shield:
    'M12 2 4 5v6c0 5.1 3.4 9.5 8 11 4.6-1.5 8-5.9 8-11V5l-8-3Zm-1.3 14.3-3.6-3.6 1.5-1.5 2.1 2.1 5-5 1.5 1.5-6.5 6.5Z',
  clock:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm-1 3v6l5 3 1-1.7-4-2.4V7h-2Z',
  book: 'M3 5.3C5.8 4 8.9 4.2 11.2 6v13.3C8.9 17.6 5.8 17.4 3 18.7V5.3Zm18 0C18.2 4 15.1 4.2 12.8 6v13.3c2.3-1.7 5.4-1.9 8.2-.6V5.3Z',
  spark: 'm12 2 2.1 6.4L20.5 10l-6.4 2.1L12 18.5l-2.1-6.4L3.5 10l6.4-1.6L12 2Zm6.5 12 .9 2.6 2.6.9-2.6.9-.9 2.6-.9-2.6-2.6-.9 2.6-.9.9-2.6Z',
  speaker:
    'M4 9v6h4l5 4V5L8 9H4Zm12.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4ZM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6Z',
  stop: 'M6 6h12v12H6z',
  back: 'M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20v-2Z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6V5Z',
  pencil: 'm4 17.2V20h2.8l8.3-8.3-2.8-2.8L4 17.2ZM17.7 9.1a1 1 0 0 0 0-1.4l-1.4-1.4a1 1 0 0 0-1.4 0l-1.2 1.2 2.8 2.8 1.2-1.2Z',
  wand: 'm7.5 5.6 2-1.1-1.1 2 1.1 2-2-1.1-2 1.1 1.1-2-1.1-2 2 1.1Zm12 9.8 2-1.1-1.1 2 1.1 2-2-1.1-2 1.1 1.1-2-1.1-2 2 1.1ZM21 2.4l-1.1 2 1.1 2-2-1.1-2 1.1 1.1-2-1.1-2 2 1.1 2-1.1Zm-7.7 7.2-2.4-2.4L2.3 15.8l2.4 2.4L13.3 9.6Z',
};

const state = { user: null, children: null, flash: null, returnTo: null };
const speech =
  'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : null;
let uid = 0;

// --- small DOM helpers ---------------------------------------------------------------------------

/** Builds an element. Strings among the children become text nodes (never parsed as HTML). */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  let value;
  for (const [key, val] of Object.entries(props || {})) {
    if (val === undefined || val === null || val === false) continue;
    if (key === 'class') el.className = val;
    else if (key === 'value') value = val;
    else if (key.startsWith('on') && typeof val === 'function') el.addEventListener(key.slice(2), val);
    // Through CSSOM: the Content-Security-Policy refuses style attributes (setAttribute).
    else if (key === 'style') el.style.cssText = String(val);
    else el.setAttribute(key, val === true ? '' : String(val));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  if (value !== undefined) el.value = value;
  return el;
}

function icon(name) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

const $ = (selector, root = document) => root.querySelector(selector);
const nextId = (prefix) => `${prefix}-${++uid}`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const isRtl = (language) => RTL_LANGUAGES.has(language);
/** "he" -> "עברית" (without the English hint the language menus show). */
const languageName = (code) => (LANGUAGES[code] || code).replace(/ \(.*\)$/, '');

/** "email or password is wrong" -> "Email or password is wrong." */
function sentence(text) {
  const t = String(text || '').trim();
  if (!t) return '';
  const s = t[0].toUpperCase() + t.slice(1);
  return /[.!?…)]$/.test(s) ? s : `${s}.`;
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|; )talestream_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function go(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function button(label, props = {}, ...extra) {
  return h('button', { type: 'button', class: 'btn', ...props }, ...extra, label);
}

function busy(btn, label) {
  const before = btn.textContent;
  btn.disabled = true;
  btn.classList.add('is-busy');
  btn.textContent = label;
  return () => {
    btn.disabled = false;
    btn.classList.remove('is-busy');
    btn.textContent = before;
  };
}

// --- errors ----------------------------------------------------------------------------------------

class Problem extends Error {
  constructor({ status = 0, code = 'ERROR', detail = '', errors = null, retryAfter = null, offline = false, lost = false }) {
    super(detail || code);
    Object.assign(this, { status, code, detail, errors, retryAfter, offline, lost, handled: false });
  }
}

const CODE_FOR_STATUS = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' };

function retryAfterSeconds(header) {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const when = Date.parse(header);
  return Number.isNaN(when) ? null : Math.max(1, Math.ceil((when - Date.now()) / 1000));
}

/** An HTTP error response as a Problem: the API's JSON {detail, code} plus Retry-After. */
async function problemFrom(response) {
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
};
const RETRYABLE = new Set(['MODEL_UNAVAILABLE', 'MODEL_TIMEOUT', 'MODEL_BAD_OUTPUT', 'MODEL_ERROR', 'RATE_LIMITED', 'SERVER_ERROR']);

/** What to tell a parent about a problem: {title, text, retry}. */
function explain(problem) {
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

function notice({ title, text = '', tone = 'error', actions = [] }) {
  const titleEl = h('p', { class: 'notice__title', tabindex: '-1' }, title);
  return h(
    'div',
    { class: `notice notice--${tone}`, role: tone === 'error' ? 'alert' : 'status', dir: 'auto' },
    titleEl,
    text && h('p', { class: 'notice__text' }, text),
    actions.length ? h('div', { class: 'notice__actions' }, actions) : null,
  );
}

/** A notice for a Problem, with Retry when retrying can help. Expired sessions go to sign-in. */
function problemNotice(problem, { retry, extra = [] } = {}) {
  const info = explain(problem);
  const actions = [...extra];
  if (info.retry && retry) actions.unshift(button('Try again', { class: 'btn btn-primary', onclick: retry }));
  return notice({ ...info, actions });
}

/**
 * An inline "are you sure?" for a destructive button: the trigger hides, the question and
 * Yes/Keep buttons appear in `into`; Keep puts everything back, Yes runs `action` (errors go to
 * `slot`).
 */
function confirmInline(trigger, { into, label, question, yes, working, slot, action, small = false }) {
  const size = small ? ' btn-small' : '';
  trigger.addEventListener('click', () => {
    trigger.hidden = true;
    const confirmButton = button(yes, { class: `btn btn-danger${size}` });
    const keep = button('Keep', { class: `btn btn-secondary${size}` });
    const box = h('div', { class: 'confirm', role: 'group', 'aria-label': label },
      h('p', {}, question), confirmButton, keep);
    keep.addEventListener('click', () => {
      box.remove();
      trigger.hidden = false;
      trigger.focus();
    });
    confirmButton.addEventListener('click', async () => {
      const restore = busy(confirmButton, working);
      try {
        await action();
      } catch (problem) {
        restore();
        showProblem(slot, problem);
      }
    });
    into.append(box);
    confirmButton.focus();
  });
}

function showProblem(slot, problem, options) {
  if (!(problem instanceof Problem)) {
    console.error(problem);
    problem = new Problem({ status: 500 });
  }
  if (problem.handled) return;
  slot.replaceChildren(problemNotice(problem, options));
}

// --- API -----------------------------------------------------------------------------------------

/** JSON API call with the cookie session. Unsafe methods echo the CSRF cookie in X-CSRF-Token.
 * Throws Problem; a 401 (or a CSRF failure) sends the parent to sign-in with a clear message. */
async function api(path, { method = 'GET', body, signal, expireOn401 = true } = {}) {
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
  if (expireOn401 && (problem.status === 401 || problem.code === 'CSRF_FAILED')) {
    sessionExpired(problem);
    problem.handled = true;
  }
  throw problem;
}

function sessionExpired(problem) {
  state.user = null;
  state.children = null;
  const info = explain(problem || new Problem({ code: 'UNAUTHORIZED' }));
  state.flash = { tone: 'info', title: problem && problem.code === 'CSRF_FAILED' ? info.text : 'Your session has expired. Please sign in again.' };
  if (!/^#\/(login|signup)/.test(location.hash)) state.returnTo = location.hash;
  go('#/login');
}

async function loadChildren(force = false) {
  if (!state.children || force) state.children = await api('/children/');
  return state.children;
}

async function findChild(id) {
  const children = await loadChildren();
  return children.find((c) => c.id === id) || loadChildren(true).then((list) => list.find((c) => c.id === id));
}

// --- router --------------------------------------------------------------------------------------

const ROUTES = [
  { path: /^\/login$/, view: viewLogin, public: true },
  { path: /^\/signup$/, view: viewSignup, public: true },
  { path: /^\/children$/, view: viewChildren, nav: 'children' },
  { path: /^\/children\/(\d+)$/, view: viewEditChild, nav: 'children' },
  { path: /^\/write\/(\d+)$/, view: viewWrite, nav: 'children' },
  { path: /^\/idea$/, view: viewIdea, nav: 'idea' },
  { path: /^\/library$/, view: viewLibrary, nav: 'library' },
  { path: /^\/story\/([0-9a-fA-F-]{36})$/, view: viewStory, nav: 'library' },
];
let renderToken = 0;
let cleanups = [];
let firstRender = true;

/** Runs when the view changes: close streams, stop reading aloud. */
function onLeave(fn) {
  cleanups.push(fn);
}

async function render() {
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch (error) {
      console.error(error);
    }
  }
  stopSpeaking();
  const token = ++renderToken;
  const [path, query = ''] = (location.hash.replace(/^#/, '') || '/').split('?');
  const route = ROUTES.find((r) => r.path.test(path));
  if (!route) return go(state.user ? '#/children' : '#/login');
  if (!route.public && !state.user) {
    state.returnTo = location.hash;
    return go('#/login');
  }
  if (route.public && state.user) return go('#/children');

  const nav = $('#site-nav');
  nav.hidden = !state.user;
  $('#sign-out').hidden = !state.user;
  for (const link of nav.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === route.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = 'talestream: stories for your children';
  const view = h('div', { class: `view view--${path.split('/')[1] || 'home'}` });
  $('#main').replaceChildren(view);
  const ctx = {
    params: path.match(route.path).slice(1),
    query: new URLSearchParams(query),
    alive: () => token === renderToken,
  };
  const moved = !firstRender;
  firstRender = false;
  if (moved) window.scrollTo(0, 0);
  try {
    await route.view(view, ctx);
  } catch (error) {
    if (ctx.alive() && error.name !== 'AbortError') {
      for (const loading of view.querySelectorAll('.loading')) loading.remove();
      const slot = h('div', { class: 'form-message' });
      view.append(slot);
      showProblem(slot, error, { retry: render });
    }
  }
  // After navigating, move focus to the new view's heading (keyboard and screen-reader users
  // land on the new page), unless the view already put it somewhere on purpose.
  if (moved && ctx.alive() && !view.contains(document.activeElement)) {
    const heading = $('h1', view);
    if (heading) heading.focus({ preventScroll: true });
  }
}

function takeFlash() {
  const flash = state.flash;
  state.flash = null;
  return flash ? [notice(flash)] : [];
}

function pageHead(title, lead, back) {
  return h(
    'header',
    { class: 'page-head' },
    back ? h('a', { class: 'back-link', href: back.href }, icon('back'), back.label) : null,
    h('h1', { tabindex: '-1' }, title),
    lead ? h('p', { class: 'lead' }, lead) : null,
  );
}

// --- forms ---------------------------------------------------------------------------------------

function field({ label, name, type = 'text', hint, options, ...attrs }) {
  const id = nextId(`f-${name}`);
  let control;
  if (type === 'select') {
    control = h('select', { id, name, ...attrs }, options.map(([value, text]) => h('option', { value }, text)));
    if (attrs.value !== undefined) control.value = attrs.value;
  } else if (type === 'textarea') {
    control = h('textarea', { id, name, rows: 3, ...attrs });
  } else {
    control = h('input', { id, name, type, ...attrs });
  }
  const hintEl = hint ? h('p', { class: 'field__hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, control);
}

function setFieldError(control, message) {
  clearFieldError(control);
  const error = h('p', { class: 'field__error', id: `${control.id}-error` }, message);
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
  control.after(error);
  control.focus();
}

function clearFieldError(control) {
  const error = document.getElementById(`${control.id}-error`);
  if (!error) return;
  error.remove();
  control.removeAttribute('aria-invalid');
  const rest = (control.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== error.id);
  if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
  else control.removeAttribute('aria-describedby');
}

function suggestions(label, values, input) {
  return h(
    'div',
    { class: 'suggestions', role: 'group', 'aria-label': label },
    values.map((value) =>
      button(value, {
        class: 'chip-button',
        onclick: () => {
          input.value = value;
          clearFieldError(input);
          input.focus();
        },
      }),
    ),
  );
}

function heroArt() {
  return h('img', { class: 'hero-art', src: '/static/hero.svg', alt: '', width: 420, height: 300 });
}

// --- views: sign in, sign up ---------------------------------------------------------------------

function authLayout(view, title, lead, form, switcher) {
  view.append(
    h(
      'div',
      { class: 'auth' },
      h(
        'section',
        { class: 'auth__welcome' },
        heroArt(),
        h('p', { class: 'auth__tagline' }, 'Stories written just for your child, appearing as they are told.'),
        h(
          'ul',
          { class: 'auth__points' },
          h('li', {}, 'Your child picks what happens next'),
          h('li', {}, 'Every sentence is safety-checked'),
          h('li', {}, 'Read aloud, in six languages'),
        ),
      ),
      h('section', { class: 'auth__panel card' }, h('h1', { tabindex: '-1' }, title), h('p', { class: 'lead' }, lead), takeFlash(), form, switcher),
    ),
  );
}

async function signIn(email, password) {
  await api('/auth/login', { method: 'POST', body: { email, password }, expireOn401: false });
  state.user = await api('/users/me');
  state.children = null;
}

function viewLogin(view) {
  const slot = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Sign in');
  const form = h(
    'form',
    { class: 'form', novalidate: false },
    slot,
    field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'email', required: true }),
    field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const restore = busy(submit, 'Signing in…');
    try {
      await signIn(String(data.get('email')).trim(), String(data.get('password')));
      const target = state.returnTo || '#/children';
      state.returnTo = null;
      go(target);
    } catch (problem) {
      restore();
      if (problem.status === 401) {
        slot.replaceChildren(notice({ title: "That email and password don't match", text: 'Please check them and try again.' }));
      } else {
        showProblem(slot, problem);
      }
    }
  });
  authLayout(
    view,
    'Welcome back',
    'Sign in to write stories with your children.',
    form,
    h('p', { class: 'auth__switch' }, 'New to talestream? ', h('a', { href: '#/signup' }, 'Create an account')),
  );
}

function viewSignup(view) {
  const slot = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Create account');
  const form = h(
    'form',
    { class: 'form' },
    slot,
    field({ label: 'Your name', name: 'name', autocomplete: 'name', required: true, maxlength: 100 }),
    field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'email', required: true }),
    field({
      label: 'Password',
      name: 'password',
      type: 'password',
      autocomplete: 'new-password',
      required: true,
      minlength: 10,
      hint: 'At least 10 characters, with a letter and a digit or symbol.',
    }),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      name: String(data.get('name')).trim(),
      email: String(data.get('email')).trim(),
      password: String(data.get('password')),
    };
    const restore = busy(submit, 'Creating your account…');
    try {
      await api('/auth/register', { method: 'POST', body, expireOn401: false });
      await signIn(body.email, body.password);
      state.flash = { tone: 'success', title: `Welcome, ${state.user.name}!`, text: 'Add a child to write their first story.' };
      go('#/children');
    } catch (problem) {
      restore();
      const extra = problem.code === 'EMAIL_TAKEN' ? [h('a', { class: 'btn btn-secondary', href: '#/login' }, 'Sign in')] : [];
      showProblem(slot, problem, { extra });
    }
  });
  authLayout(
    view,
    'Create your account',
    'One account for the whole family.',
    form,
    h('p', { class: 'auth__switch' }, 'Already have an account? ', h('a', { href: '#/login' }, 'Sign in')),
  );
}

// --- views: children -----------------------------------------------------------------------------

function readingLevelForAge(age) {
  return age <= 6 ? 'beginner' : age <= 10 ? 'intermediate' : 'advanced';
}

function childForm(child, { submitLabel, onSaved }) {
  const slot = h('div', { class: 'form-message' });
  const ages = [];
  for (let age = 2; age <= 14; age += 1) ages.push([String(age), `${age} years`]);
  const age = field({ label: 'Age', name: 'age', type: 'select', options: ages, value: String(child ? child.age : 6) });
  const level = field({
    label: 'Reading level',
    name: 'reading_level',
    type: 'select',
    options: Object.entries(LEVELS),
    value: child ? child.reading_level : 'beginner',
  });
  // Suggest a reading level from the age until the parent picks one themselves.
  let levelTouched = Boolean(child);
  $('select', level).addEventListener('change', () => {
    levelTouched = true;
  });
  $('select', age).addEventListener('change', (event) => {
    if (!levelTouched) $('select', level).value = readingLevelForAge(Number(event.target.value));
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, submitLabel);
  const form = h(
    'form',
    { class: 'form form--child' },
    slot,
    h(
      'div',
      { class: 'form-grid' },
      field({ label: "Child's name", name: 'name', required: true, maxlength: 50, autocomplete: 'off', value: child ? child.name : '' }),
      age,
      field({ label: 'Story language', name: 'language', type: 'select', options: Object.entries(LANGUAGES), value: child ? child.language : 'en' }),
      level,
    ),
    field({
      label: 'Interests (optional)',
      name: 'interests',
      hint: 'Separate with commas, for example: dragons, football, the sea.',
      autocomplete: 'off',
      value: child ? child.interests.join(', ') : '',
    }),
    h('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const name = String(data.get('name')).trim();
    if (!name) return setFieldError(form.elements.name, "Please enter your child's name.");
    clearFieldError(form.elements.name);
    const body = {
      name,
      age: Number(data.get('age')),
      language: String(data.get('language')),
      reading_level: String(data.get('reading_level')),
      interests: String(data.get('interests'))
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
    const restore = busy(submit, 'Saving…');
    try {
      const saved = child
        ? await api(`/children/${child.id}`, { method: 'PATCH', body })
        : await api('/children/', { method: 'POST', body });
      state.children = null;
      onSaved(saved);
    } catch (problem) {
      restore();
      showProblem(slot, problem);
    }
  });
  return form;
}

function avatar(name) {
  let hue = 0;
  for (const ch of name) hue = (hue * 31 + ch.codePointAt(0)) % 360;
  return h('span', { class: 'avatar', style: `--hue: ${hue}`, 'aria-hidden': 'true' }, [...name][0].toUpperCase());
}

function childCard(child) {
  const details = `${child.age} years · ${languageName(child.language)} · ${LEVELS[child.reading_level]} reader`;
  return h(
    'li',
    { class: 'child-card card' },
    h(
      'div',
      { class: 'child-card__head' },
      avatar(child.name),
      h('div', {}, h('h2', { class: 'child-card__name' }, child.name), h('p', { class: 'child-card__meta' }, details)),
    ),
    child.interests.length
      ? h('ul', { class: 'chips', 'aria-label': `${child.name} likes` }, child.interests.map((i) => h('li', { class: 'chip' }, i)))
      : null,
    h(
      'div',
      { class: 'child-card__actions' },
      h('a', { class: 'btn btn-primary', href: `#/write/${child.id}`, 'aria-label': `New story for ${child.name}` }, icon('wand'), 'New story'),
      h('a', { class: 'btn btn-secondary', href: `#/library?child=${child.id}`, 'aria-label': `Stories for ${child.name}` }, 'Stories'),
      h('a', { class: 'btn btn-quiet', href: `#/children/${child.id}`, 'aria-label': `Edit ${child.name}'s profile` }, icon('pencil'), 'Edit'),
    ),
  );
}

async function viewChildren(view, ctx) {
  const flash = takeFlash();
  const greeting = state.user ? `Hello, ${state.user.name}. Who is tonight's story for?` : '';
  view.append(pageHead('Your children', greeting), ...flash);
  const list = h('ul', { class: 'child-list' });
  const addSection = h('section', { class: 'add-child card', 'aria-labelledby': 'add-child-title' });
  view.append(list, addSection);
  const children = await loadChildren(true);
  if (!ctx.alive()) return;
  list.append(...children.map(childCard));
  const form = childForm(null, {
    submitLabel: 'Add child',
    onSaved: (child) => {
      state.flash = { tone: 'success', title: `${child.name} is ready for a story!` };
      render();
    },
  });
  const heading = h('h2', { id: 'add-child-title' }, children.length ? 'Add another child' : 'Add your first child');
  if (children.length) {
    // Collapsed behind a button once there is a child; the form is one click away.
    const toggle = button('Add a child', { class: 'btn btn-secondary', 'aria-expanded': 'false', 'aria-controls': 'add-child-form' }, icon('plus'));
    const wrap = h('div', { id: 'add-child-form', hidden: true }, heading, form);
    toggle.addEventListener('click', () => {
      const open = wrap.hidden;
      wrap.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) form.elements.name.focus();
    });
    addSection.classList.add('add-child--collapsed');
    addSection.append(toggle, wrap);
  } else {
    addSection.append(heading, h('p', { class: 'muted' }, 'Their age, language and interests shape every story.'), form);
  }
  view.append(
    h('p', { class: 'aside-link' }, 'Have your own idea for a story? ', h('a', { href: '#/idea' }, 'Write a story from your idea')),
  );
}

async function viewEditChild(view, ctx) {
  const id = Number(ctx.params[0]);
  const head = pageHead('Edit profile', '', { href: '#/children', label: 'Children' });
  view.append(head);
  const child = await api(`/children/${id}`);
  if (!ctx.alive()) return;
  $('h1', head).textContent = `${child.name}'s profile`;
  const form = childForm(child, {
    submitLabel: 'Save changes',
    onSaved: (saved) => {
      state.flash = { tone: 'success', title: `Saved ${saved.name}'s profile.` };
      go('#/children');
    },
  });
  const danger = h('section', { class: 'danger-zone' });
  const removeSlot = h('div', { class: 'form-message' });
  const askRemove = button(`Remove ${child.name}`, { class: 'btn btn-danger-quiet' });
  confirmInline(askRemove, {
    into: danger,
    label: 'Confirm removal',
    question: `Remove ${child.name}'s profile and all of ${child.name}'s stories? This can't be undone.`,
    yes: `Yes, remove ${child.name}`,
    working: 'Removing…',
    slot: removeSlot,
    action: async () => {
      await api(`/children/${child.id}`, { method: 'DELETE' });
      state.children = null;
      state.flash = { tone: 'success', title: `Removed ${child.name}'s profile.` };
      go('#/children');
    },
  });
  danger.append(removeSlot, askRemove);
  view.append(h('section', { class: 'card' }, form), danger);
}

// --- the story screen ----------------------------------------------------------------------------

/** Appends streamed text as paragraphs (a blank line starts a new one), as text nodes only. */
function textWriter(container) {
  let paragraph = null;
  let all = '';
  return {
    add(chunk) {
      if (!all) chunk = chunk.replace(/^\s+/, '');
      if (!chunk) return;
      all += chunk;
      chunk.split(/\n[ \t]*\n\s*/).forEach((part, index) => {
        if (index > 0 || !paragraph) {
          paragraph = h('p');
          container.append(paragraph);
        }
        if (part) paragraph.append(part);
      });
    },
    clear() {
      container.replaceChildren();
      paragraph = null;
      all = '';
    },
    get text() {
      return all;
    },
  };
}

function progressSteps() {
  const items = new Map();
  const list = h('ol', { class: 'steps', 'aria-label': 'Story progress' });
  for (const [node, label] of STEPS) {
    const stateText = h('span', { class: 'visually-hidden' }, `: ${STEP_STATE_TEXT.pending}`);
    const li = h(
      'li',
      { class: 'step', 'data-step': node, 'data-state': 'pending' },
      h('span', { class: 'step__dot', 'aria-hidden': 'true' }),
      h('span', { class: 'step__label' }, label, stateText),
    );
    items.set(node, { li, stateText });
    list.append(li);
  }
  const status = h('p', { class: 'progress__status', role: 'status', 'aria-live': 'polite', dir: 'auto' }, 'Getting the storyteller ready…');
  const root = h('div', { class: 'progress' }, list, status);

  function mark(node, value) {
    const item = items.get(node);
    if (!item) return;
    item.li.dataset.state = value;
    item.stateText.textContent = `: ${STEP_STATE_TEXT[value]}`;
    if (value === 'active' || value === 'waiting') item.li.setAttribute('aria-current', 'step');
    else item.li.removeAttribute('aria-current');
  }
  function say(text) {
    status.textContent = text;
  }
  const SAY_STARTED = {
    generate_content: 'Writing the story…',
    safety_check: 'Checking that every word is gentle…',
    calculate_metrics: 'Measuring reading time and vocabulary…',
    save: 'Saving to your library…',
  };
  return {
    root,
    say,
    mark,
    /** A node_event from the GET stream. */
    node({ node, status: st, position, attempt }) {
      if (node === 'workflow') return;
      if (st === 'started') {
        mark(node, 'active');
        if (node === 'generate_content' && attempt > 1) {
          for (const [later] of STEPS.slice(1)) mark(later, 'pending');
          say('Writing a gentler version…');
        } else {
          say(SAY_STARTED[node] || '');
        }
      } else if (st === 'completed') {
        mark(node, 'done');
        if (node === 'save') say('Saved to your library.');
      } else if (st === 'queued') {
        mark('generate_content', 'waiting');
        say(`Waiting for the storyteller… (${position} ahead)`);
      } else if (st === 'retry') {
        for (const [later] of STEPS.slice(1)) mark(later, 'pending');
        mark('generate_content', 'active');
        say('Writing a gentler version…');
      }
    },
    finish() {
      for (const [node] of STEPS) mark(node, 'done');
      say('Saved to your library.');
    },
  };
}

function facts(chapter, language) {
  const items = [];
  const score = typeof chapter.safety_score === 'number' ? chapter.safety_score : null;
  items.push(
    h(
      'li',
      { class: 'badge badge--safe' },
      icon('shield'),
      'Safety checked',
      score !== null ? h('span', { class: 'badge__sub' }, `${Math.round(score * 100)}%`) : null,
    ),
  );
  if (chapter.estimated_reading_time) items.push(h('li', { class: 'badge' }, icon('clock'), `${chapter.estimated_reading_time} min read`));
  if (chapter.vocabulary_level) {
    items.push(h('li', { class: 'badge' }, icon('book'), `${LEVELS[chapter.vocabulary_level] || chapter.vocabulary_level} vocabulary`));
  }
  for (const element of chapter.educational_elements || []) {
    items.push(h('li', { class: 'badge badge--learn', lang: language === 'en' ? null : 'en' }, icon('spark'), element));
  }
  return h('ul', { class: 'facts', 'aria-label': 'About this chapter', dir: 'ltr' }, items);
}

// --- reading aloud (speechSynthesis) ---

let speaking = null;

function setSpeakButton(btn, on) {
  btn.setAttribute('aria-pressed', String(on));
  btn.replaceChildren(icon(on ? 'stop' : 'speaker'), on ? 'Stop reading' : 'Read aloud');
}

function stopSpeaking() {
  if (!speech) return;
  const current = speaking;
  speaking = null;
  if (current) setSpeakButton(current.button, false);
  speech.cancel();
}

/** Reads `text` aloud in the story's language; `onFail` tells the parent when the device cannot. */
function speak(btn, text, language, onFail) {
  if (speaking && speaking.button === btn) return stopSpeaking();
  stopSpeaking();
  // One utterance per sentence: Chrome stops long utterances after about 15 seconds.
  const parts = (text.match(/[^.!?…\n]+[.!?…]*["”»'’]*\s*/g) || [text]).map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return;
  const lang = SPEECH_LANG[language] || language;
  const voice = speech.getVoices().find((v) => (v.lang || '').toLowerCase().startsWith(language));
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

/** The reading area for one story: header, chapters, and the ending (question and choices). */
function storyScreen(container, meta) {
  const rtl = isRtl(meta.language);
  const eyebrow = h('p', { class: 'story__eyebrow', dir: 'auto' });
  const title = h('h1', { class: 'story__title', tabindex: '-1', dir: 'auto' }, meta.title);
  const chapters = h('div', { class: 'story__chapters' });
  const endSlot = h('div', { class: 'story__end' });
  // The whole reading area mirrors for right-to-left languages; the text itself says so too.
  const article = h(
    'article',
    { class: 'story card', lang: meta.language, dir: rtl ? 'rtl' : 'ltr' },
    h('header', { class: 'story__header' }, eyebrow, title),
    chapters,
    endSlot,
  );
  container.append(article);

  const screen = {
    meta,
    article,
    title,
    chapters,
    endSlot,
    count: 0,
    setEyebrow() {
      const bits = [];
      if (meta.childName) bits.push(`For ${meta.childName}`);
      else if (meta.hero) bits.push(`Hero: ${meta.hero}`);
      if (meta.theme) bits.push(meta.theme);
      bits.push(languageName(meta.language));
      eyebrow.textContent = bits.join(' · ');
    },
    setTitle(text) {
      if (text) title.textContent = text;
      document.title = `${title.textContent} · talestream`;
    },
    /** A chapter section; `text` gets the story text. */
    chapter(number) {
      const headingId = nextId('chapter');
      const heading = h('h2', { class: 'chapter__heading', id: headingId, tabindex: '-1' }, `Chapter ${number}`);
      const text = h('div', { class: 'story-text', lang: meta.language, dir: rtl ? 'rtl' : 'ltr' });
      const tools = h('div', { class: 'chapter__tools' });
      const section = h(
        'section',
        { class: 'chapter', 'aria-labelledby': headingId, 'data-chapter': number },
        h('div', { class: 'chapter__top' }, heading, tools),
        text,
      );
      return { section, heading, text, tools, number };
    },
    /** Facts and the read-aloud button under a finished chapter. */
    finishChapter(block, data) {
      block.section.append(facts(data, meta.language));
      if (speech) {
        const readButton = button('Read aloud', { class: 'btn btn-quiet btn-small read-aloud', 'aria-pressed': 'false' }, icon('speaker'));
        const speechStatus = h('span', { class: 'speech-status', role: 'status', dir: 'auto' });
        readButton.addEventListener('click', () => {
          speechStatus.textContent = '';
          let text = block.text.innerText;
          const ending = block.section.nextElementSibling ? null : $('.ending', endSlot);
          if (ending) text += `\n${ending.dataset.speak || ''}`;
          speak(readButton, text, meta.language, () => {
            speechStatus.textContent = `This device has no voice to read ${languageName(meta.language)} aloud.`;
          });
        });
        block.tools.append(speechStatus, readButton);
      }
      screen.count = Math.max(screen.count, block.number);
    },
    addSaved(chapter) {
      const block = screen.chapter(chapter.number);
      textWriter(block.text).add(chapter.content);
      chapters.append(block.section);
      screen.finishChapter(block, chapter);
      return block;
    },
    addChosen(text) {
      const note = h(
        'p',
        { class: 'chosen' },
        h('span', { class: 'chosen__label' }, meta.childName ? `${meta.childName} chose` : 'The choice'),
        h('span', { class: 'chosen__text', dir: 'auto' }, text),
      );
      chapters.append(note);
      return note;
    },
    /** The chapter's question with its choices as big buttons (or as a plain list). */
    showEnding(chapter, { onChoose, noticeEl } = {}) {
      const questionId = nextId('question');
      const choices = chapter.choices || [];
      const section = h(
        'section',
        { class: 'ending', 'aria-labelledby': questionId },
        noticeEl || null,
        h('h2', { class: 'ending__question', id: questionId, dir: 'auto' }, chapter.choice_question || 'What happens next?'),
      );
      section.dataset.speak = [chapter.choice_question, ...choices.map((c) => c.text)].filter(Boolean).join('\n');
      if (onChoose) {
        const buttons = choices.map((choice, index) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'choice', 'data-index': index },
              h('span', { class: 'choice__letter', 'aria-hidden': 'true' }, String.fromCharCode(65 + index)),
              h('span', { class: 'choice__text', dir: 'auto' }, choice.text),
            ),
          ),
        );
        const list = h('ul', { class: 'choices' }, buttons);
        const lock = (chosenButton) => {
          for (const b of section.querySelectorAll('button, input')) b.disabled = true;
          if (chosenButton) chosenButton.setAttribute('aria-pressed', 'true');
        };
        list.addEventListener('click', (event) => {
          const target = event.target.closest('button.choice');
          if (!target || target.disabled) return;
          lock(target);
          const index = Number(target.dataset.index);
          onChoose({ choice_index: index }, choices[index].text);
        });
        const ownId = nextId('own-idea');
        const ownInput = h('input', {
          id: ownId,
          name: 'custom_choice',
          maxlength: 200,
          autocomplete: 'off',
          dir: 'auto',
          placeholder: 'What should happen next?',
        });
        const ownForm = h(
          'form',
          { class: 'own-idea' },
          h('label', { for: ownId }, meta.childName ? `Or ${meta.childName}'s own idea` : 'Or your own idea'),
          h('div', { class: 'own-idea__row' }, ownInput, h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Continue')),
        );
        ownForm.addEventListener('submit', (event) => {
          event.preventDefault();
          const text = ownInput.value.trim();
          if (!text) return setFieldError(ownInput, 'Type an idea first, for example "They find a secret door".');
          lock(null);
          onChoose({ custom_choice: text }, text);
        });
        section.append(list, ownForm);
      } else {
        section.append(
          h('ul', { class: 'choices choices--static' }, choices.map((choice) => h('li', { dir: 'auto' }, choice.text))),
          h(
            'p',
            { class: 'muted ending__note', dir: 'ltr', lang: 'en' },
            meta.childId
              ? 'This story can be continued from its child profile.'
              : 'Stories from your own idea are one chapter long. To continue a story chapter by chapter, start it from a child profile.',
          ),
        );
      }
      endSlot.replaceChildren(section);
      return section;
    },
  };
  screen.setEyebrow();
  screen.setTitle();
  return screen;
}

/** Continue a child's story: a choice (index) or the child's own idea, streamed as chapter N+1. */
function continueStory(screen, lastChapter, choice, chosenText) {
  const { meta } = screen;
  const chosen = screen.addChosen(chosenText);
  screen.endSlot.replaceChildren();
  const params = { child_id: meta.childId, theme: meta.theme, chapter_number: screen.count + 1, story_id: meta.storyId, ...choice };
  const run = () =>
    streamChildChapter(screen, params, {
      onFail(problem) {
        chosen.remove();
        const extra = [];
        if (['CHAPTER_CONFLICT', 'WRONG_CHAPTER_NUMBER'].includes(problem.code)) {
          extra.push(button('Show the saved story', { class: 'btn btn-primary', onclick: () => render() }));
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
        const section = screen.showEnding(lastChapter, { onChoose: (next, text) => continueStory(screen, lastChapter, next, text), noticeEl: box });
        section.scrollIntoView({ block: 'start', behavior: 'smooth' });
        $('.notice__title', box).focus({ preventScroll: true });
      },
    });
  run();
}

/** Shows the ending after a chapter: big choice buttons when the story can go on. */
function endChapter(screen, chapter) {
  const canContinue = Boolean(screen.meta.childId && screen.meta.childName);
  screen.showEnding(chapter, canContinue ? { onChoose: (choice, text) => continueStory(screen, chapter, choice, text) } : {});
}

/**
 * Streams one chapter for a child profile with the native EventSource and the cookie session.
 *
 * Telling failures apart. EventSource reports every failure as the same bare `error` event: it
 * cannot read an HTTP error's status or body. Two facts help:
 *  - `open` fires once the server answered 200 with text/event-stream. An error *before* `open`
 *    with readyState CLOSED means the server refused the request (any non-200 status: EventSource
 *    gives up for good). A network failure instead leaves readyState CONNECTING (EventSource would
 *    reconnect by itself, and for a chapter that would restart it); we always close it ourselves.
 *  - GET /api/v1/users/me is cheap and changes nothing: 401 means the session expired (sign in
 *    again), no answer means the connection is gone ("Lost connection" with a Retry button).
 * Only when the session is fine and the server refused the stream do we repeat the same GET with
 * fetch, to read the refusal's JSON {detail, code} (and Retry-After) for the parent: the kind
 * UNSAFE_REQUEST explanation, a validation problem, a rate limit, a chapter written meanwhile.
 * Those refusals come from the checks that run before any story is written, so the repeat is
 * refused the same way and starts nothing. Should it succeed after all (the refusal was
 * momentary), it is aborted as soon as its headers arrive: the server cancels a stream whose
 * client left at once, and saves nothing.
 * An `error` event in the stream (the story model failed, the safety check rejected every attempt,
 * ...) carries its own code and message, and also ends the stream.
 */
function streamChildChapter(screen, params, { onFail }) {
  const block = screen.chapter(params.chapter_number);
  const progress = progressSteps();
  const writer = textWriter(block.text);
  block.text.classList.add('is-streaming');
  block.text.setAttribute('aria-live', 'polite');
  block.section.insertBefore(progress.root, block.text);
  screen.chapters.append(block.section);
  if (params.chapter_number > 1) {
    block.section.scrollIntoView({ block: 'start', behavior: 'smooth' });
    block.heading.focus({ preventScroll: true });
  }

  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const url = `${API}/stories/generate/stream?${query}`;
  const source = new EventSource(url, { withCredentials: true });
  let opened = false;
  let settled = false;
  onLeave(() => {
    settled = true;
    source.close(); // the server stops writing at once and saves nothing
  });

  const fail = (problem) => {
    block.section.remove();
    if (problem.status === 401 || problem.code === 'CSRF_FAILED') return sessionExpired(problem);
    onFail(problem);
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
    if (type === 'node_event') {
      if (data.status === 'retry' && data.discard) writer.clear(); // that text was not safe enough
      progress.node(data);
    } else if (type === 'content') {
      if (data.chunk) writer.add(data.chunk);
    } else if (type === 'safety_check') {
      if (!data.approved) progress.say('That version was not quite right for a child. Writing a gentler one…');
    } else if (type === 'complete') {
      settled = true;
      source.close();
      progress.finish();
      block.text.classList.remove('is-streaming');
      block.text.removeAttribute('aria-live');
      if (data.story_content && writer.text.trim() !== data.story_content.trim()) {
        writer.clear();
        writer.add(data.story_content);
      }
      screen.meta.storyId = data.story_id;
      screen.setTitle(data.title);
      if (params.chapter_number === 1) history.replaceState(null, '', `#/story/${data.story_id}`);
      screen.finishChapter(block, data);
      endChapter(screen, data);
    } else if (type === 'error') {
      settled = true;
      source.close();
      fail(new Problem({ code: data.code || 'MODEL_ERROR', detail: data.message || '' }));
    }
  });
  source.addEventListener('error', async () => {
    if (settled) return;
    settled = true;
    const refused = !opened && source.readyState === EventSource.CLOSED;
    source.close();
    progress.say('Checking the connection…');
    const problem = await diagnoseStreamFailure(url, refused);
    if (block.section.isConnected) fail(problem);
  });
}

/** Why did an EventSource fail? See streamChildChapter(). Returns a Problem. */
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

/**
 * Streams a new story from a parent's idea: POST with fetch and a stream reader (EventSource can
 * only GET). Errors before the stream are ordinary JSON responses; after it started, `error`
 * messages; a stream that ends without `completed` or `error` lost its connection.
 */
async function streamIdeaStory(screen, body, { onFail }) {
  const block = screen.chapter(1);
  const progress = progressSteps();
  const writer = textWriter(block.text);
  block.text.classList.add('is-streaming');
  block.text.setAttribute('aria-live', 'polite');
  block.section.insertBefore(progress.root, block.text);
  screen.chapters.append(block.section);
  const controller = new AbortController();
  let left = false;
  onLeave(() => {
    left = true;
    controller.abort();
  });
  const fail = (problem) => {
    if (left) return;
    block.section.remove();
    if (problem.status === 401 || problem.code === 'CSRF_FAILED') return sessionExpired(problem);
    onFail(problem);
  };

  let response;
  try {
    response = await fetch(`${API}/stories/generate-stream/`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch {
    return fail(new Problem({ offline: true }));
  }
  if (!response.ok) return fail(await problemFrom(response));

  let completed = null;
  let failed = null;
  const handle = (message) => {
    if (message.type === 'started') progress.node({ node: 'generate_content', status: 'started' });
    else if (message.type === 'queued') progress.node({ node: 'generate_content', status: 'queued', position: message.position });
    else if (message.type === 'content') {
      if (typeof message.data === 'string') writer.add(message.data);
    } else if (message.type === 'retry') {
      if (message.discard !== false) writer.clear();
      progress.node({ node: 'generate_content', status: 'retry' });
    } else if (message.type === 'completed') completed = message;
    else if (message.type === 'error') failed = new Problem({ code: message.code || 'MODEL_ERROR', detail: message.message || '' });
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
  if (left) return;
  if (failed) return fail(failed);
  if (!completed) return fail(new Problem({ lost: true }));

  // The POST stream's `completed` has no metrics: read the saved chapter for them.
  progress.finish();
  block.text.classList.remove('is-streaming');
  block.text.removeAttribute('aria-live');
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

// --- views: writing ------------------------------------------------------------------------------

async function viewWrite(view, ctx) {
  const childId = Number(ctx.params[0]);
  const head = pageHead('A new story', 'Pick a theme, then watch the story appear as it is written.', { href: '#/children', label: 'Children' });
  view.append(head);
  const child = await findChild(childId);
  if (!ctx.alive()) return;
  if (!child) throw new Problem({ status: 404, code: 'NOT_FOUND' });
  $('h1', head).textContent = `A new story for ${child.name}`;

  const slot = h('div', { class: 'form-message' });
  const theme = h('input', { id: nextId('theme'), name: 'theme', maxlength: 60, autocomplete: 'off', required: true, placeholder: 'adventure' });
  const title = field({
    label: 'Title (optional)',
    name: 'title',
    maxlength: 120,
    autocomplete: 'off',
    hint: `Leave empty for "${child.name}'s … story".`,
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-large' }, icon('wand'), 'Start the story');
  const form = h(
    'form',
    { class: 'form' },
    slot,
    h(
      'div',
      { class: 'field' },
      h('label', { for: theme.id }, 'Theme'),
      h('p', { class: 'field__hint', id: `${theme.id}-hint` }, 'What should the story be about? Pick one or type your own.'),
      theme,
      suggestions('Theme ideas', THEMES, theme),
    ),
    title,
    h('div', { class: 'form-actions' }, submit),
  );
  theme.setAttribute('aria-describedby', `${theme.id}-hint`);
  const formCard = h('section', { class: 'card write-card' }, form);
  view.append(formCard);

  const start = (values) => {
    slot.replaceChildren();
    head.remove();
    formCard.remove();
    const screen = storyScreen(view, {
      title: values.title || `${child.name}'s ${values.theme} story`,
      language: child.language,
      childName: child.name,
      childId: child.id,
      theme: values.theme,
    });
    screen.title.focus({ preventScroll: true });
    streamChildChapter(
      screen,
      { child_id: child.id, theme: values.theme, title: values.title || undefined, chapter_number: 1 },
      {
        onFail(problem) {
          // Back to the form, values kept, with the reason on top.
          screen.article.remove();
          view.append(head, formCard);
          showProblem(slot, problem, { retry: () => start(values) });
          const focusTarget = $('.notice__title', slot) || theme;
          focusTarget.focus({ preventScroll: true });
          window.scrollTo(0, 0);
        },
      },
    );
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = { theme: theme.value.trim(), title: String(new FormData(form).get('title')).trim() };
    // The only check EventSource cannot report back to us; the server checks the rest.
    if (!values.theme) return setFieldError(theme, 'Please choose a theme, for example "adventure".');
    clearFieldError(theme);
    start(values);
  });
}

async function viewIdea(view, ctx) {
  view.append(pageHead('A story from your idea', "Tell us the hero and the idea; we'll write the first chapter live."));
  const children = await loadChildren().catch(() => []);
  if (!ctx.alive()) return;
  const first = children[0];
  const slot = h('div', { class: 'form-message' });
  const ages = [];
  for (let age = 2; age <= 14; age += 1) ages.push([String(age), `${age} years`]);
  const styleField = field({ label: 'Style', name: 'story_style', maxlength: 60, required: true, autocomplete: 'off', value: 'Fantasy' });
  styleField.append(suggestions('Style ideas', STYLES, $('input', styleField)));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-large' }, icon('wand'), 'Write the story');
  const form = h(
    'form',
    { class: 'form' },
    slot,
    h(
      'div',
      { class: 'form-grid' },
      field({ label: 'Story name', name: 'story_name', maxlength: 120, required: true, autocomplete: 'off', placeholder: 'The Magic Forest' }),
      field({ label: "Hero's name", name: 'hero_name', maxlength: 50, required: true, autocomplete: 'off', value: first ? first.name : '' }),
    ),
    field({
      label: 'Your idea',
      name: 'story_idea',
      type: 'textarea',
      maxlength: 500,
      required: true,
      placeholder: 'A shy dragon who learns to fly',
    }),
    styleField,
    h(
      'div',
      { class: 'form-grid' },
      field({ label: 'Language', name: 'language', type: 'select', options: Object.entries(LANGUAGES), value: first ? first.language : 'en' }),
      field({ label: "Reader's age", name: 'age', type: 'select', options: ages, value: String(first ? first.age : 6) }),
    ),
    h('div', { class: 'form-actions' }, submit),
  );
  const formCard = h('section', { class: 'card write-card' }, form);
  view.append(formCard);
  const head = $('.page-head', view);

  const start = (body) => {
    slot.replaceChildren();
    head.remove();
    formCard.remove();
    const screen = storyScreen(view, { title: body.story_name, language: body.language, hero: body.hero_name, theme: body.story_style });
    screen.title.focus({ preventScroll: true });
    streamIdeaStory(screen, body, {
      onFail(problem) {
        screen.article.remove();
        view.append(head, formCard);
        showProblem(slot, problem, { retry: () => start(body) });
        ($('.notice__title', slot) || form.elements.story_name).focus({ preventScroll: true });
        window.scrollTo(0, 0);
      },
    });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      story_name: String(data.get('story_name')).trim(),
      hero_name: String(data.get('hero_name')).trim(),
      story_idea: String(data.get('story_idea')).trim(),
      story_style: String(data.get('story_style')).trim(),
      language: String(data.get('language')),
      age: Number(data.get('age')),
    };
    for (const name of ['story_name', 'hero_name', 'story_idea', 'story_style']) {
      clearFieldError(form.elements[name]);
      if (!body[name]) return setFieldError(form.elements[name], `Please fill in "${FIELD_LABELS[name]}".`);
    }
    start(body);
  });
}

// --- views: library and reading ------------------------------------------------------------------

function when(iso) {
  const date = new Date(iso);
  const days = Math.round((new Date().setHours(0, 0, 0, 0) - new Date(date).setHours(0, 0, 0, 0)) / 86400000);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: days > 300 ? 'numeric' : undefined }).format(date);
}

function storyCard(story, childName, onDeleted) {
  const who = childName ? `For ${childName}` : story.hero_name ? `Hero: ${story.hero_name}` : null;
  const meta = [who, plural(story.chapter_count, 'chapter'), story.theme, when(story.updated_at)].filter(Boolean);
  const slot = h('div', { class: 'form-message' });
  const remove = button('Delete', { class: 'btn btn-quiet btn-small', 'aria-label': `Delete “${story.title}”` });
  const item = h(
    'li',
    { class: 'story-card card' },
    h(
      'a',
      { class: 'story-card__link', href: `#/story/${story.id}` },
      h('span', { class: 'story-card__cover', 'aria-hidden': 'true', style: `--hue: ${(story.title.length * 37) % 360}` }, icon('book')),
      h(
        'span',
        { class: 'story-card__body' },
        h('span', { class: 'story-card__title', dir: 'auto', lang: story.language }, story.title),
        h('span', { class: 'story-card__meta' }, meta.join(' · ')),
      ),
    ),
    h('div', { class: 'story-card__actions' }, remove),
    slot,
  );
  confirmInline(remove, {
    into: $('.story-card__actions', item),
    label: 'Confirm delete',
    question: `Delete “${story.title}”? This can't be undone.`,
    yes: 'Delete',
    working: 'Deleting…',
    small: true,
    slot,
    action: async () => {
      await api(`/stories/${story.id}`, { method: 'DELETE' });
      onDeleted(item);
    },
  });
  return item;
}

async function viewLibrary(view, ctx) {
  view.append(pageHead('Library', 'Every saved story, ready to read again.'), ...takeFlash());
  const children = await loadChildren();
  if (!ctx.alive()) return;
  const childFilter = ctx.query.get('child') || '';
  const names = new Map(children.map((c) => [c.id, c.name]));
  const filterId = nextId('filter');
  const select = h(
    'select',
    { id: filterId },
    h('option', { value: '' }, 'All stories'),
    children.map((c) => h('option', { value: String(c.id) }, c.name)),
  );
  select.value = childFilter;
  select.addEventListener('change', () => go(select.value ? `#/library?child=${select.value}` : '#/library'));
  const list = h('ul', { class: 'story-list' });
  const more = button('Show more stories', { class: 'btn btn-secondary' });
  more.hidden = true;
  const slot = h('div', { class: 'form-message' });
  const count = h('p', { class: 'muted library__count', role: 'status' });
  view.append(h('div', { class: 'library__tools' }, h('label', { for: filterId }, 'Show'), select, count), slot, list, more);

  let offset = 0;
  let total = 0;
  const limit = 12;
  const updateCount = () => {
    count.textContent = total ? plural(total, 'story') : '';
  };
  const load = async () => {
    const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    if (childFilter) query.set('child_id', childFilter);
    const page = await api(`/stories/?${query}`);
    if (!ctx.alive()) return;
    total = page.total;
    offset += page.items.length;
    list.append(
      ...page.items.map((story) =>
        storyCard(story, names.get(story.child_id), (item) => {
          item.remove();
          total -= 1;
          offset -= 1;
          updateCount();
          if (!total) showEmpty();
        }),
      ),
    );
    more.hidden = offset >= total;
    updateCount();
    if (!total) showEmpty();
  };
  const showEmpty = () => {
    const who = childFilter && names.get(Number(childFilter));
    list.replaceChildren(
      h(
        'li',
        { class: 'empty card' },
        h('p', { class: 'empty__title' }, who ? `No stories for ${who} yet.` : 'No stories yet.'),
        h(
          'p',
          {},
          children.length
            ? 'Start one from a child profile: it appears here once the first chapter is saved.'
            : 'Add a child profile to write their first story.',
        ),
        childFilter
          ? h('a', { class: 'btn btn-primary', href: `#/write/${childFilter}` }, 'Start a story')
          : h('a', { class: 'btn btn-primary', href: '#/children' }, 'Go to children'),
      ),
    );
  };
  more.addEventListener('click', async () => {
    const restore = busy(more, 'Loading…');
    try {
      await load();
    } catch (problem) {
      showProblem(slot, problem);
    } finally {
      restore();
      more.hidden = offset >= total;
    }
  });
  await load();
}

async function viewStory(view, ctx) {
  const id = ctx.params[0];
  const back = h('a', { class: 'back-link', href: '#/library' }, icon('back'), 'Library');
  const loading = h('p', { class: 'loading', role: 'status' }, 'Opening the story…');
  view.append(back, loading);
  const [story, children] = await Promise.all([api(`/stories/${id}`), loadChildren().catch(() => [])]);
  if (!ctx.alive()) return;
  loading.remove();
  const child = children.find((c) => c.id === story.child_id);
  const screen = storyScreen(view, {
    title: story.title,
    language: story.language,
    childName: child ? child.name : null,
    childId: child ? child.id : null,
    theme: story.theme,
    hero: story.hero_name,
    storyId: story.id,
  });
  for (const chapter of story.chapters) {
    // A chapter remembers the choice (in the chapter before) that led to it.
    if (chapter.chosen_text && chapter.number > 1) screen.addChosen(chapter.chosen_text);
    screen.addSaved(chapter);
  }
  const last = story.chapters[story.chapters.length - 1];
  if (last) endChapter(screen, last);
}

// --- start ---------------------------------------------------------------------------------------

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
  window.addEventListener('hashchange', render);
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
  render();
}

boot();
