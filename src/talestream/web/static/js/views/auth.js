// Sign in and sign up.

import { api, signIn } from '../api.js';
import { busy, h, nextId } from '../dom.js';
import { go } from '../navigation.js';
import { state } from '../state.js';
import { field } from '../ui/forms.js';
import { notice, showProblem, takeFlash } from '../ui/notices.js';
import { isReturning, rememberVisit } from '../visits.js';

function heroArt() {
  return h('img', { class: 'hero-art', src: '/static/hero.svg', alt: '', width: 420, height: 300 });
}

/** `lead`: a sentence under the heading, or nodes. */
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
          h('li', {}, 'Read aloud, where your device has a voice'),
        ),
      ),
      h('section', { class: 'auth__panel card' }, h('h1', { tabindex: '-1' }, title), typeof lead === 'string' ? h('p', { class: 'lead' }, lead) : lead, takeFlash(), form, switcher),
    ),
  );
}

export function viewLogin(view) {
  const slot = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Sign in');
  const form = h(
    'form',
    { class: 'form', novalidate: false },
    slot,
    field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'email', required: true }),
    field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    submit,
    h('p', { class: 'auth__forgot' }, h('a', { href: '#/forgot' }, 'Forgot your password?')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const restore = busy(submit, 'Signing in…');
    try {
      await signIn(String(data.get('email')).trim(), String(data.get('password')));
      rememberVisit();
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
  if (isReturning()) {
    authLayout(
      view,
      'Welcome back',
      'Sign in to write stories with your children.',
      form,
      h('p', { class: 'auth__switch' }, 'New to talestream? ', h('a', { href: '#/signup' }, 'Create an account')),
    );
    return;
  }
  // A first visit: how to start comes first, signing in (from another device) second.
  const signInHeading = h('h2', { class: 'auth__subhead', id: nextId('sign-in') }, 'Already have an account?');
  form.setAttribute('aria-labelledby', signInHeading.id);
  authLayout(
    view,
    'Welcome to talestream',
    [
      h('p', { class: 'lead' }, 'Bedtime stories written for your child, live. Starting takes a minute:'),
      h(
        'ol',
        { class: 'start-steps' },
        h('li', {}, 'Create an account for your family.'),
        h('li', {}, 'Add your child: their age, language and what they love.'),
        h('li', {}, 'Pick a theme and watch the story appear. Your child chooses what happens next.'),
      ),
      h('a', { class: 'btn btn-primary btn-block', href: '#/signup' }, 'Create an account'),
    ],
    [signInHeading, form],
    null,
  );
}

export function viewSignup(view) {
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
      rememberVisit();
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
