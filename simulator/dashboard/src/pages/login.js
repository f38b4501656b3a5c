/**
 * `/login` (contract §9): the form, its busy state and the exact error texts of the real page.
 */
import { h, replaceChildren } from '../lib/dom.js';
import { navigate } from '../lib/nav.js';
import { saveLogin } from '../lib/session.js';

const TEXT = {
  tooMany: 'Too many attempts. Please wait and retry.',
  network: 'Cannot reach the server. Check your connection or VPN and try again.',
  html: 'Received HTML instead of an API response. Check VITE_API_URL and that the backend is running.',
};

/**
 * Turns a login response into the message the real page shows, or null on success.
 * @param {Response} res
 * @returns {Promise<{ error: string } | { ok: any }>}
 */
async function interpret(res) {
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('text/html') || /^\s*</.test(text)) return { error: TEXT.html };
  /** @type {any} */
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  const detail = typeof data?.detail === 'string' ? data.detail : undefined;
  if (res.status === 429) return { error: TEXT.tooMany };
  if (res.status === 401) return { error: detail ?? 'Incorrect email or password' };
  if (res.status === 403) return { error: detail ?? 'Inactive user' };
  if (!res.ok) return { error: detail ?? `Login failed: unexpected response (status ${res.status})` };
  if (typeof data?.access_token !== 'string' || typeof data?.refresh_token !== 'string' || !data?.user) {
    return { error: `Login failed: unexpected response (status ${res.status})` };
  }
  return { ok: data };
}

/** @param {HTMLElement} root */
export function renderLogin(root) {
  const alertBox = h('div', { class: 'alert alert-error', role: 'alert', hidden: true });
  const email = h('input', { id: 'email', name: 'email', type: 'email', required: true, autocomplete: 'email', placeholder: 'you@example.com' });
  const password = /** @type {HTMLInputElement} */ (
    h('input', { id: 'password', name: 'password', type: 'password', required: true, autocomplete: 'current-password', placeholder: '••••••••' })
  );
  const toggle = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Show password' }, h('span', { 'aria-hidden': 'true', text: '👁' }));
  toggle.addEventListener('click', () => {
    const show = password.type === 'password';
    password.type = show ? 'text' : 'password';
    toggle.setAttribute('aria-label', show ? 'Hide password' : 'Show password');
  });
  const submit = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'btn btn-primary btn-block', text: 'Sign in' }));

  let alive = true;
  const showError = (/** @type {string} */ msg) => {
    alertBox.textContent = msg;
    alertBox.hidden = false;
  };

  const form = h(
    'form',
    {
      class: 'login-form',
      onsubmit: async (/** @type {SubmitEvent} */ e) => {
        e.preventDefault();
        alertBox.hidden = true;
        submit.disabled = true;
        submit.textContent = 'Signing in...';
        let outcome;
        try {
          const res = await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ email: /** @type {HTMLInputElement} */ (email).value, password: password.value }),
            cache: 'no-store',
          });
          outcome = await interpret(res);
        } catch {
          outcome = { error: TEXT.network };
        }
        if (!alive) return;
        submit.disabled = false;
        submit.textContent = 'Sign in';
        if ('error' in outcome) return showError(outcome.error);
        saveLogin(outcome.ok);
        navigate('/dashboard');
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'email', text: 'Email address' }), email),
    h('div', { class: 'field' }, h('label', { for: 'password', text: 'Password' }), h('div', { class: 'password-row' }, password, toggle)),
    alertBox,
    submit,
  );

  replaceChildren(
    root,
    h(
      'div',
      { class: 'login-page' },
      h('div', { class: 'login-card' }, h('div', { class: 'brand-mark login-mark', text: 'O' }), h('h2', { text: 'Operator Dashboard' }), h('p', { class: 'muted', text: 'Sign in to your account' }), form),
    ),
  );
  return () => {
    alive = false;
  };
}
