import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { expectCustomersRoundTrip } from './customer-round-trip.testing.js';
import { openDatabase, type Database } from './database.js';
import { migrate } from './migrate.js';

describe('PostgreSQL via DATABASE_URL', () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await openDatabase(loadConfig({ DATABASE_URL: testDb.url }));
  });

  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it('is not embedded, migrates, and round-trips customers exactly', async () => {
    expect(db.embedded).toBe(false);
    await migrate(db.sql);
    await expectCustomersRoundTrip(db.sql);
  });

  it('says clearly when the database cannot be reached', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    await expect(openDatabase(config)).rejects.toThrow(/Cannot connect to the database at DATABASE_URL/);
  });
});
