import { useCallback, useState } from 'react';
import type { SampleDataResponse } from '../../shared/api.js';
import { apiFetch } from '../api/api-fetch.js';
import { finishWithError, finishWithMessage, startAction } from '../customer-actions/action-notifications.js';
import { customersCount } from '../format/format-metrics.js';

/** Asks the server for sample customers; they then arrive through sync like any other change. */
export function useSampleDataLoader(): { load: (count: number) => Promise<void>; loading: boolean } {
  const [loading, setLoading] = useState(false);
  const load = useCallback(async (count: number) => {
    setLoading(true);
    const id = startAction(`Creating ${customersCount(count)} of sample data…`);
    try {
      const res = await apiFetch<SampleDataResponse>('/api/sample-data', { body: { count } });
      finishWithMessage(id, `Created ${customersCount(res.created)}. They appear here as they sync.`);
    } catch (e) {
      // The server's refusal as it gave it (e.g. the organisation already has customers).
      finishWithError(id, e, 'Sample data not loaded');
    } finally {
      setLoading(false);
    }
  }, []);
  return { load, loading };
}
