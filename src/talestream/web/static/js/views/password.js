// A forgotten password: ask for a reset link by email, then choose a new password from it.

import { api } from '../api.js';
import { busy, h } from '../dom.js';
import { go } from '../navigation.js';
import { state } from '../state.js';
import { field } from '../ui/forms.js';
import { notice, showProblem } from '../ui/notices.js';

function panel(view, title, lead, ...content) {
  view.append(
    h(
      'div',
      { class: 'auth auth--single' },
      h('section', { class: 'auth__panel card' }, h('h1', { tabindex: '-1' }, title), h('p', { class: 'lead' }, lead), ...content),
    ),
  );
}

export function viewForgot(view) {
  const slot = h('div', { class: 'form-message', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Send the link');
  const form = h('form', { class: 'form' }, field({ label: 'Email', name: 'email', type: 'email', autocomplete: 'email', required: true }), submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const restore = busy(submit, 'Sending…');
    try {
      const email = String(new FormData(form).get('email')).trim();
      await api('/auth/password-reset', { method: 'POST', body: { email }, expireOn401: false });
      form.remove();
      slot.replaceChildren(
        notice({
          tone: 'success',
          title: 'Check your email',
          text: `If ${email} has an account, a link to choose a new password is on its way. It works once, for 30 minutes.`,
        }),
      );
    } catch (problem) {
      restore();
      showProblem(slot, problem);
    }
  });
  panel(
    view,
    'Forgot your password?',
    "Enter your account's email and we'll send you a link to choose a new one.",
    slot,
    form,
    h('p', { class: 'auth__switch' }, h('a', { href: '#/login' }, 'Back to sign in')),
  );
}

export function viewReset(view, ctx) {
  const token = ctx.query.get('token') || '';
  const slot = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Save the new password');
  const form = h(
    'form',
    { class: 'form' },
    field({
      label: 'New password',
      name: 'password',
      type: 'password',
      autocomplete: 'new-password',
      required: true,
      minlength: 10,
      hint: 'At least 10 characters, with a letter and a digit or symbol, and not a common one.',
    }),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const restore = busy(submit, 'Saving…');
    try {
      const password = String(new FormData(form).get('password'));
      await api('/auth/password-reset/confirm', { method: 'POST', body: { token, password }, expireOn401: false });
      state.flash = { tone: 'success', title: 'Your password is changed', text: 'Sign in with the new one. Every other device was signed out.' };
      go('#/login');
    } catch (problem) {
      restore();
      const extra = problem.code === 'RESET_TOKEN_INVALID' ? [h('a', { class: 'btn btn-secondary', href: '#/forgot' }, 'Send a new link')] : [];
      showProblem(slot, problem, { extra });
    }
  });
  panel(view, 'Choose a new password', 'This link works once.', slot, form);
}
