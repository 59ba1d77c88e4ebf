import { useCallback, useState } from 'react';
import type { ApiKeySummary } from '../../shared/api.js';
import { useServerData } from '../api/use-server-data.js';
import { useRefetchOnReturn } from '../api/use-refetch-on-return.js';

export interface ApiKeysState {
  /** null until the first answer; kept as it was when a later load fails. */
  keys: ApiKeySummary[] | null;
  offline: boolean;
  error: string | null;
  reload: () => void;
}

/** The organisation's switch API keys (server only: keys are never synced to devices). */
export function useApiKeys(): ApiKeysState {
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  useRefetchOnReturn(reload);
  // Reachable or not is what the last request found: the sync status can lag behind the network.
  const res = useServerData<ApiKeySummary[]>('/api/api-keys', { online: true, refreshKey: version });
  return { keys: res.data ?? null, offline: res.unreachable, error: res.error ?? null, reload };
}
