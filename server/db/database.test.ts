import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { AWKWARD_CUSTOMER, expectCustomersRoundTrip, PLAIN_CUSTOMER, readCustomers } from './customer-round-trip.testing.js';
import { generateCustomers } from '../sample-data/generate-customers.js';
import { insertSampleCustomers } from '../sample-data/insert-sample-customers.js';
import { openDatabase } from './database.js';
import { MIGRATIONS_DIR, migrate } from './migrate.js';

const dataDir = mkdtempSync(join(tmpdir(), 'trunkline-embedded-'));
const config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl: undefined };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database (no DATABASE_URL)', () => {
  it('migrates, round-trips customers exactly, and keeps them across a restart', async () => {
    const db = await openDatabase(config);
    expect(db.embedded).toBe(true);
    try {
      const shipped = readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort();
      expect(await migrate(db.sql)).toEqual(shipped);
      await expectCustomersRoundTrip(db.sql);
    } finally {
      await db.close();
    }

    const reopened = await openDatabase(config);
    try {
      expect(await migrate(reopened.sql)).toEqual([]);
      expect(await readCustomers(reopened.sql)).toEqual([AWKWARD_CUSTOMER, PLAIN_CUSTOMER].sort((a, b) => (a.id < b.id ? -1 : 1)));

      // Many queries at once, one of them a transaction, over the single connection.
      const results = await Promise.all([
        reopened.sql.begin(async (tx) => {
          await tx`update organisations set version = version + 1`;
          const [row] = await tx<{ version: string }[]>`select version from organisations`;
          return row!.version;
        }),
        ...Array.from({ length: 50 }, (_, i) => reopened.sql<{ n: number }[]>`select ${i}::int as n`.then((r) => r[0]!.n)),
      ]);
      expect(results[0]).toBe('1');
      expect(results.slice(1)).toEqual(Array.from({ length: 50 }, (_, i) => i));

      // The bulk path (one jsonb parameter per batch) stores the same values on PGlite.
      const [org] = await reopened.sql<{ id: string }[]>`insert into organisations (name) values ('Sample') returning id`;
      const now = new Date('2026-05-01T09:00:00.000Z');
      const load = { organisationId: org!.id, count: 1200, seed: 'embedded', now, sipRealm: 'trunkline' };
      expect((await insertSampleCustomers(reopened.sql, load)).created).toBe(1200);
      const stored = (await readCustomers(reopened.sql)).filter((c) => c.id !== AWKWARD_CUSTOMER.id && c.id !== PLAIN_CUSTOMER.id);
      expect(stored).toEqual([...generateCustomers(1200, { seed: 'embedded', now })].sort((a, b) => (a.id < b.id ? -1 : 1)));
    } finally {
      await reopened.close();
    }
    // Creating an embedded database takes tens of seconds on a busy 2-core machine.
  }, 120_000);
});
