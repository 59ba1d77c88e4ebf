import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertEvent } from '../../shared/alert-rule.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';
import { appendOlder, mergeNewest, type LogPages } from './alert-log-merge.js';

const PAGE_SIZE = 100;
const REFRESH_MS = 15_000;

export interface AlertLogState extends LogPages {
  loaded: boolean;
  /** The last request could not reach the server: what is shown is what was loaded before. */
  offline: boolean;
  error: string | null;
  loadingMore: boolean;
  /** When the shown newest page was last fetched (ms). */
  refreshedAt: number | null;
  loadMore: () => void;
}

const describe = (e: unknown) => (e instanceof NetworkError ? null : e instanceof Error ? e.message : 'Could not load the alerts log.');

/**
 * The alerts log, newest first: refreshed every 15 s while shown and when the window gets
 * focus or the connection back; older pages on request. A failed refresh keeps the events.
 */
export function useAlertLog(): AlertLogState {
  const [pages, setPages] = useState<LogPages & { loaded: boolean }>({ events: [], hasMore: false, loaded: false });
  const [status, setStatus] = useState<{ offline: boolean; error: string | null; refreshedAt: number | null }>({ offline: false, error: null, refreshedAt: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const live = useRef(true);
  const refreshing = useRef(false);

  const failed = useCallback((e: unknown) => {
    if (live.current) setStatus((s) => ({ ...s, offline: e instanceof NetworkError, error: describe(e) }));
  }, []);

  const refresh = useCallback(() => {
    if (refreshing.current) return;
    refreshing.current = true;
    apiFetch<AlertEvent[]>(`/api/alerts?limit=${PAGE_SIZE}`)
      .then((fresh) => {
        if (!live.current) return;
        setPages((p) => ({ ...mergeNewest(fresh, p, PAGE_SIZE), loaded: true }));
        setStatus({ offline: false, error: null, refreshedAt: Date.now() });
      }, failed)
      .finally(() => {
        refreshing.current = false;
      });
  }, [failed]);

  useEffect(() => {
    live.current = true;
    refresh();
    const tick = () => {
      // A hidden tab does not need the traffic; focus refreshes it when it is looked at again.
      if (document.visibilityState === 'visible') refresh();
    };
    const timer = window.setInterval(tick, REFRESH_MS);
    const now = () => refresh();
    window.addEventListener('focus', now);
    window.addEventListener('online', now);
    return () => {
      live.current = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', now);
      window.removeEventListener('online', now);
    };
  }, [refresh]);

  const oldest = pages.events[pages.events.length - 1]?.id;
  const loadMore = useCallback(() => {
    if (!oldest) return;
    setLoadingMore(true);
    apiFetch<AlertEvent[]>(`/api/alerts?limit=${PAGE_SIZE}&before=${encodeURIComponent(oldest)}`)
      .then((page) => {
        if (!live.current) return;
        setPages((p) => ({ ...appendOlder(p, page, PAGE_SIZE), loaded: true }));
        setStatus((s) => ({ ...s, offline: false, error: null }));
      }, failed)
      .finally(() => {
        if (live.current) setLoadingMore(false);
      });
  }, [oldest, failed]);

  return { ...pages, ...status, loadingMore, loadMore };
}
