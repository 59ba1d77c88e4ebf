import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database.js';
import { renderChaosReport } from './chaos-report.js';
import { runChaos, type ChaosReport } from './run-chaos.js';

/**
 * The short chaos run (`npm run chaos` is the long one): devices make random changes
 * with offline periods while the server is killed and its connections terminated, and
 * afterwards nothing is lost, doubled, stuck or out of balance.
 */
describe('a short chaos run', () => {
  let db: TestDatabase;
  let report: ChaosReport;

  beforeAll(async () => {
    db = await createTestDatabase();
    report = await runChaos({
      databaseUrl: db.url,
      devices: 5,
      mutationsPerDevice: 80,
      kills: 1,
      terminations: 2,
      customers: 40,
      seed: 'chaos-test',
      cdrBatch: 100,
      maxOfflineMs: 1500,
      convergeTimeoutMs: 60_000,
    });
  }, 240_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('keeps the server up and every device able to sync', () => {
    expect(report.unexpectedExits).toEqual([]);
    expect(Object.keys(report.syncFailures).filter((cause) => / 4\d\d /.test(cause))).toEqual([]);
    expect(report.faults).toMatchObject({ kills: 1, terminations: 2 });
  });

  it('applies every change exactly once or refuses it with a reason', () => {
    const m = report.mutations;
    expect(m.made).toBe(400);
    expect(m.applied + m.refused).toBe(m.made);
    expect({ lost: m.lost, duplicated: m.duplicated, invalidApplied: m.invalidApplied }).toEqual({ lost: 0, duplicated: 0, invalidApplied: 0 });
    expect(m.refused).toBeGreaterThan(0);
  });

  it('brings every device to the server state, with credit equal to the ledger, each call charged once and no call record lost', () => {
    expect(report.devicesConverged).toBe(5);
    expect(report.creditMismatches).toBe(0);
    expect(report.chargeMismatches).toBe(0);
    expect(report.callRecords.acknowledged).toBeGreaterThan(0);
    expect({ lost: report.callRecords.lost, duplicated: report.callRecords.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(renderChaosReport(report, 'today')).toContain('| lost | 0 | 0 |');
  });
});
