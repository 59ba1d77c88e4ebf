import type { MeResponse } from '../../shared/api.js';

/**
 * The last signed-in user, kept on the device so the app opens offline. It carries no
 * secret: the session itself is an HttpOnly cookie the page cannot read.
 */
const KEY = 'trunkline.session';

export function readCachedSession(): MeResponse | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as MeResponse) : null;
  } catch {
    return null;
  }
}

export function writeCachedSession(me: MeResponse | null): void {
  if (me) localStorage.setItem(KEY, JSON.stringify(me));
  else localStorage.removeItem(KEY);
}
