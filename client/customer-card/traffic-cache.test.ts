import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZERO_SUMS } from '../../shared/metrics.js';
import type { TrafficHistory } from '../../shared/traffic-history.js';
import { DeviceDb, type CachedTrafficHistory } from '../device/device-db.js';
import { readCachedTraffic, saveCachedTraffic, TRAFFIC_CACHE_MAX_AGE_MS } from './traffic-cache.js';

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const NOW = Date.UTC(2026, 10, 26, 12);

const history = (attempts: number): TrafficHistory => ({
  from: '2026-11-25T12:00:00.000Z',
  to: '2026-11-26T12:00:00.000Z',
  bucketSeconds: 180,
  points: [],
  credit: [{ t: Date.UTC(2026, 10, 25, 12), balance: '10.00' }],
  totals: { ...ZERO_SUMS, attempts },
});

const entry = (customerId: string, window: string, fetchedAt: number, attempts = 1): CachedTrafficHistory => ({ customerId, window, fetchedAt, history: history(attempts) });

describe('traffic history cache', () => {
  let db: DeviceDb;
  beforeEach(() => {
    db = new DeviceDb(`test-${Math.random()}`, { indexedDB, IDBKeyRange });
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps one entry per customer and window, the latest fetch replacing the one before', async () => {
    await saveCachedTraffic(db, entry(ALICE, '24h', NOW - 60_000, 5), NOW);
    await saveCachedTraffic(db, entry(ALICE, '24h', NOW, 7), NOW);
    await saveCachedTraffic(db, entry(ALICE, '1h', NOW, 1), NOW);
    await saveCachedTraffic(db, entry(BOB, '24h', NOW, 2), NOW);

    const alice = await readCachedTraffic(db, ALICE, '24h');
    expect(alice?.fetchedAt).toBe(NOW);
    expect(alice?.history.totals.attempts).toBe(7);
    expect((await readCachedTraffic(db, BOB, '24h'))?.history.totals.attempts).toBe(2);
    expect(await readCachedTraffic(db, BOB, '1h')).toBeUndefined();
    expect(await db.trafficHistory.count()).toBe(3);
  });

  it('drops entries not refreshed for a month when saving', async () => {
    await saveCachedTraffic(db, entry(ALICE, 'custom:1-2', NOW - TRAFFIC_CACHE_MAX_AGE_MS - 1), NOW - TRAFFIC_CACHE_MAX_AGE_MS - 1);
    await saveCachedTraffic(db, entry(ALICE, 'custom:3-4', NOW - 1000), NOW - 1000);
    await saveCachedTraffic(db, entry(BOB, '7d', NOW), NOW);
    expect(await readCachedTraffic(db, ALICE, 'custom:1-2')).toBeUndefined();
    expect(await readCachedTraffic(db, ALICE, 'custom:3-4')).toBeDefined();
  });

  it('survives reopening the database: the copy is there for the next offline visit', async () => {
    await saveCachedTraffic(db, entry(ALICE, '7d', NOW, 9), NOW);
    db.close();
    const again = new DeviceDb(db.name, { indexedDB, IDBKeyRange });
    expect((await readCachedTraffic(again, ALICE, '7d'))?.history).toEqual(history(9));
    again.close();
    await db.open();
  });
});
