import { useCallback, useEffect, useState } from 'react';
import type { ApiKeySummary } from '../../shared/api.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';

export interface ApiKeysState {
  /** null until the first answer; kept as it was when a later load fails. */
  keys: ApiKeySummary[] | null;
  offline: boolean;
  error: string | null;
  reload: () => void;
}

/** The organisation's switch API keys (server only: keys are never synced to devices). */
export function useApiKeys(): ApiKeysState {
  const [keys, setKeys] = useState<ApiKeySummary[] | null>(null);
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    apiFetch<ApiKeySummary[]>('/api/api-keys').then(
      (list) => {
        if (!live) return;
        setKeys(list);
        setOffline(false);
        setError(null);
      },
      (e: unknown) => {
        if (!live) return;
        setOffline(e instanceof NetworkError);
        setError(e instanceof NetworkError ? null : (e as Error).message);
      },
    );
    return () => {
      live = false;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { keys, offline, error, reload };
}
