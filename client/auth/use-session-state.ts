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

/**
 * Who is signed in. Starts from the device's cached session so the app opens offline,
 * then asks the server; only a definite "unauthenticated" answer signs the user out.
 */
export function useSessionState() {
  const [state, setState] = useState<SessionState>(() => {
    const cached = readCachedSession();
    return cached ? { kind: 'signed-in', me: cached } : { kind: 'loading' };
  });

  const showSignIn = useCallback(async (reason?: string) => {
    writeCachedSession(null);
    try {
      const { needsSetup } = await apiFetch<AuthStateResponse>('/api/auth/state');
      setState(needsSetup ? { kind: 'needs-setup' } : { kind: 'signed-out', reason });
    } catch {
      setState({ kind: 'unreachable' });
    }
  }, []);

  const revalidate = useCallback(async () => {
    try {
      const me = await apiFetch<MeResponse>('/api/auth/me');
      writeCachedSession(me);
      setState({ kind: 'signed-in', me });
    } catch (e) {
      if (e instanceof NetworkError) {
        setState((s) => (s.kind === 'signed-in' ? s : { kind: 'unreachable' }));
      } else if (e instanceof AppError && e.code === 'unauthenticated') {
        await showSignIn();
      }
    }
  }, [showSignIn]);

  useEffect(() => {
    void revalidate();
  }, [revalidate]);

  const signedIn = useCallback((me: MeResponse) => {
    writeCachedSession(me);
    setState({ kind: 'signed-in', me });
  }, []);

  const sessionExpired = useCallback(() => showSignIn('Your session has ended. Sign in again to keep syncing.'), [showSignIn]);

  return { state, signedIn, sessionExpired, showSignIn, retry: revalidate };
}
