import { useEffect, useState } from 'react';
import { apiFetch, NetworkError } from './api-fetch.js';
import { errorMessage } from '../customer-actions/action-notifications.js';

export interface ServerData<T> {
  data: T | undefined;
  /** When `data` arrived, epoch ms. */
  loadedAt: number | undefined;
  /** The server refused or failed (not a network problem). */
  error: string | undefined;
  /** The server cannot be reached: offline, or the last request never got there. */
  unreachable: boolean;
}

interface State<T> extends Omit<ServerData<T>, 'unreachable'> {
  path: string;
  networkFailed: boolean;
}

/**
 * The last answer per path for this page's lifetime: the card's tabs unmount when left, and
 * coming back offline should still show what was seen a moment ago. A few dozen at most.
 */
const lastAnswers = new Map<string, { data: unknown; loadedAt: number }>();
const MAX_REMEMBERED = 40;

function remember(path: string, data: unknown, loadedAt: number): void {
  lastAnswers.delete(path);
  lastAnswers.set(path, { data, loadedAt });
  if (lastAnswers.size > MAX_REMEMBERED) lastAnswers.delete(lastAnswers.keys().next().value!);
}

function initialState<T>(path: string): State<T> {
  const last = lastAnswers.get(path);
  return { path, data: last?.data as T | undefined, loadedAt: last?.loadedAt, error: undefined, networkFailed: false };
}

/**
 * A GET of our API while the component is shown: fetched when shown, when the device
 * comes back online, when `refreshKey` changes and every `refreshMs`. What was fetched
 * stays on screen while offline. A response for a path no longer asked for is dropped.
 */
export function useServerData<T>(path: string, opts: { online: boolean; refreshMs?: number; refreshKey?: unknown }): ServerData<T> {
  const { online, refreshMs, refreshKey } = opts;
  const [state, setState] = useState<State<T>>(() => initialState(path));

  useEffect(() => {
    if (!online) return undefined;
    let cancelled = false;
    const load = async () => {
      try {
        const data = await apiFetch<T>(path);
        const loadedAt = Date.now();
        remember(path, data, loadedAt);
        if (!cancelled) setState({ path, data, loadedAt, error: undefined, networkFailed: false });
      } catch (e) {
        if (cancelled) return;
        const failure = e instanceof NetworkError ? { networkFailed: true } : { error: errorMessage(e), networkFailed: false };
        setState((s) => ({ ...(s.path === path ? s : initialState<T>(path)), ...failure }));
      }
    };
    void load();
    const timer = refreshMs ? setInterval(() => void load(), refreshMs) : undefined;
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
    // refreshKey is a trigger only: a new value means "fetch again".
  }, [path, online, refreshMs, refreshKey]);

  const current = state.path === path ? state : initialState<T>(path);
  return {
    data: current.data,
    loadedAt: current.loadedAt,
    error: current.error,
    unreachable: !online || current.networkFailed,
  };
}
