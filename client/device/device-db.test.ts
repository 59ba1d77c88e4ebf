import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZERO_SUMS } from '../../shared/metrics.js';
import { clearDeviceData, deviceDb } from './device-db.js';

describe('clearDeviceData', () => {
  it('leaves nothing of the signed-out user on the device', async () => {
    const history = { from: '', to: '', bucketSeconds: 60, points: [], credit: [], totals: ZERO_SUMS };
    await deviceDb().trafficHistory.put({ customerId: 'c1', window: '24h', fetchedAt: 1, history });
    expect(await deviceDb().trafficHistory.count()).toBe(1);
    await clearDeviceData();
    expect(await deviceDb().trafficHistory.count()).toBe(0);
  });
});
