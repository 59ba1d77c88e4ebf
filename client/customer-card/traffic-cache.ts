import type { CachedTrafficHistory, DeviceDb } from '../device/device-db.js';

/** Cached history older than this is dropped when a new one is saved: custom ranges would otherwise pile up. */
export const TRAFFIC_CACHE_MAX_AGE_MS = 30 * 86_400_000;

export async function readCachedTraffic(db: DeviceDb, customerId: string, window: string): Promise<CachedTrafficHistory | undefined> {
  return db.trafficHistory.get([customerId, window]);
}

/** Saves the entry (replacing the window's previous one) and drops entries not refreshed for a month. */
export async function saveCachedTraffic(db: DeviceDb, entry: CachedTrafficHistory, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.trafficHistory, async () => {
    await db.trafficHistory.put(entry);
    await db.trafficHistory.where('fetchedAt').below(now - TRAFFIC_CACHE_MAX_AGE_MS).delete();
  });
}
