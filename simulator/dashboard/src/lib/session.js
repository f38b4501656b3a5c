/**
 * The session lives in localStorage only, under the real dashboard's keys (contract §3), so a check can
 * skip the form login by seeding `access_token` and `user`.
 */

const KEYS = ['access_token', 'refresh_token', 'user'];

/**
 * @typedef {{ id: string, email: string, name: string, role: 'operator' }} SessionUser
 */

export function accessToken() {
  return localStorage.getItem('access_token');
}

export function refreshToken() {
  return localStorage.getItem('refresh_token');
}

/** @returns {SessionUser | null} */
export function currentUser() {
  const raw = localStorage.getItem('user');
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** "Authenticated" means exactly what the real router checks: both keys exist. */
export function isAuthenticated() {
  return localStorage.getItem('user') !== null && localStorage.getItem('access_token') !== null;
}

/**
 * Stores a login response. The role is hard-coded "operator" like the real app.
 * @param {{ access_token: string, refresh_token: string, user: { id: string, email: string, full_name?: string | null } }} res
 */
export function saveLogin(res) {
  const { user } = res;
  const name = user.full_name || user.email.split('@')[0] || user.email;
  localStorage.setItem('access_token', res.access_token);
  localStorage.setItem('refresh_token', res.refresh_token);
  localStorage.setItem('user', JSON.stringify({ id: user.id, email: user.email, name, role: 'operator' }));
}

/** After a refresh the real dashboard stores only the new access token. */
export function saveAccessToken(/** @type {string} */ token) {
  localStorage.setItem('access_token', token);
}

export function clearSession() {
  for (const key of KEYS) localStorage.removeItem(key);
}
