import { useCallback, useEffect, useState } from 'react';
import type { AuthStateResponse, MeResponse } from '../../shared/api.js';
import { AppError } from '../../shared/errors.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';
import { readCachedSession, writeCachedSession } from './session-cache.js';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'needs-setup' }
  | { kind: 'signed-out'; reason?: string }
  | { kind: 'unreachable' }
  | { kind: 'signed-in'; me: MeResponse };

/** Which sign-in screen to show once the server says there is no session. */
async function signInState(reason?: string): Promise<SessionState> {
  writeCachedSession(null);
  try {
    const { needsSetup } = await apiFetch<AuthStateResponse>('/api/auth/state');
    return needsSetup ? { kind: 'needs-setup' } : { kind: 'signed-out', reason };
  } catch {
    return { kind: 'unreachable' };
  }
}

/** Asks the server who is signed in; `null` means "no answer, keep what we have". */
async function serverState(): Promise<SessionState | null> {
  try {
    const me = await apiFetch<MeResponse>('/api/auth/me');
    writeCachedSession(me);
    return { kind: 'signed-in', me };
  } catch (e) {
    if (e instanceof NetworkError) return null;
    if (e instanceof AppError && e.code === 'unauthenticated') return signInState();
    return null;
  }
}

/**
 * Who is signed in. Starts from the device's cached session so the app opens offline,
 * then asks the server; only a definite "unauthenticated" answer signs the user out.
 */
export function useSessionState() {
  const [state, setState] = useState<SessionState>(() => {
    const cached = readCachedSession();
    return cached ? { kind: 'signed-in', me: cached } : { kind: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void serverState().then((next) => {
      if (!live) return;
      setState((current) => next ?? (current.kind === 'signed-in' ? current : { kind: 'unreachable' }));
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const signedIn = useCallback((me: MeResponse) => {
    writeCachedSession(me);
    setState({ kind: 'signed-in', me });
  }, []);

  const showSignIn = useCallback(async (reason?: string) => setState(await signInState(reason)), []);
  const sessionExpired = useCallback(() => showSignIn('Your session has ended. Sign in again to keep syncing.'), [showSignIn]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, signedIn, sessionExpired, showSignIn, retry };
}
