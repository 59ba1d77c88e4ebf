import { useEffect, useState } from 'react';
import type { TrafficHistory } from '../../shared/traffic-history.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';
import { errorMessage } from '../customer-actions/action-notifications.js';
import { deviceDb, type CachedTrafficHistory } from '../device/device-db.js';
import { readCachedTraffic, saveCachedTraffic } from './traffic-cache.js';
import { trafficQuery, windowKey, windowRange, type TrafficWindow } from './traffic-window.js';

/** How often an open Traffic tab asks for fresh figures. */
export const TRAFFIC_REFRESH_MS = 30_000;

export interface TrafficHistoryState {
  history: TrafficHistory | undefined;
  /** When the figures shown came from the server, epoch ms. */
  fetchedAt: number | undefined;
  /** Nothing to show yet: neither the device's copy nor the server's has arrived. */
  loading: boolean;
  /** The server cannot be reached: what shows is the device's copy, if any. */
  offline: boolean;
  error: string | undefined;
}

interface State {
  key: string;
  entry: CachedTrafficHistory | undefined;
  cacheRead: boolean;
  networkFailed: boolean;
  error: string | undefined;
}

const initial = (key: string): State => ({ key, entry: undefined, cacheRead: false, networkFailed: false, error: undefined });

/**
 * A customer's traffic over a window: the copy saved on this device first (so the tab
 * opens offline), then the server's, saved in turn, refreshed every 30 s while shown.
 */
export function useTrafficHistory(customerId: string, trafficWindow: TrafficWindow | undefined, online: boolean): TrafficHistoryState {
  const key = trafficWindow ? `${customerId}/${windowKey(trafficWindow)}` : '';
  const [state, setState] = useState<State>(() => initial(key));

  useEffect(() => {
    if (!trafficWindow) return undefined;
    let cancelled = false;
    const db = deviceDb();
    const cacheKey = windowKey(trafficWindow);
    const update = (patch: (s: State) => Partial<State>) => {
      if (cancelled) return;
      setState((prev) => {
        const s = prev.key === key ? prev : initial(key);
        return { ...s, ...patch(s) };
      });
    };

    // The device's copy never replaces newer figures that arrived first.
    readCachedTraffic(db, customerId, cacheKey).then(
      (cached) => update((s) => ({ cacheRead: true, entry: s.entry && cached && s.entry.fetchedAt >= cached.fetchedAt ? s.entry : (s.entry ?? cached) })),
      () => update(() => ({ cacheRead: true })),
    );
    if (!online) return () => void (cancelled = true);

    const refresh = async () => {
      const range = windowRange(trafficWindow, Date.now());
      try {
        const history = await apiFetch<TrafficHistory>(`/api/customers/${encodeURIComponent(customerId)}/traffic?${trafficQuery(range)}`);
        const entry: CachedTrafficHistory = { customerId, window: cacheKey, fetchedAt: Date.now(), history };
        update(() => ({ entry, networkFailed: false, error: undefined }));
        // A full or unavailable device store costs only the offline copy, not the figures on screen.
        await saveCachedTraffic(db, entry).catch(() => {});
      } catch (e) {
        update(() => (e instanceof NetworkError ? { networkFailed: true } : { networkFailed: false, error: errorMessage(e) }));
      }
    };
    void refresh();
    const timer = setInterval(() => void refresh(), TRAFFIC_REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [customerId, trafficWindow, key, online]);

  const s = state.key === key ? state : initial(key);
  return {
    history: s.entry?.history,
    fetchedAt: s.entry?.fetchedAt,
    loading: s.entry === undefined && !s.error && (online ? !s.networkFailed : !s.cacheRead),
    offline: !online || s.networkFailed,
    error: s.error,
  };
}
