import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { AdvisoryLock } from './session-lock.js';

let db: TestDatabase;
let admin: Sql;

beforeAll(async () => {
  db = await createTestDatabase();
  admin = postgres(db.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await admin.end();
  await db.drop();
});

/** Ends the database sessions holding advisory locks here, as a crash or a lost connection would, and waits until they are gone. */
async function endLockSessions(): Promise<void> {
  await admin`
    select pg_terminate_backend(pid, 5000) from pg_locks
    where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())`;
}

describe('AdvisoryLock', () => {
  it('is held by one process at a time and passes on at once when released', async () => {
    const a = new AdvisoryLock(db.url, 'job');
    const b = new AdvisoryLock(db.url, 'job');
    const elsewhere = new AdvisoryLock(db.url, 'another job');
    try {
      expect(await a.tryHold()).toBe(true);
      expect(await a.tryHold()).toBe(true);
      expect(await b.tryHold()).toBe(false);
      expect(await elsewhere.tryHold()).toBe(true);
      await a.release();
      expect(await a.stillHeld()).toBe(false);
      expect(await b.tryHold()).toBe(true);
    } finally {
      await Promise.all([a.release(), b.release(), elsewhere.release()]);
    }
  });

  it('is lost with its session: another takes it at once, and the old holder never thinks it still holds it', async () => {
    const a = new AdvisoryLock(db.url, 'job');
    const b = new AdvisoryLock(db.url, 'job');
    try {
      expect(await a.tryHold()).toBe(true);
      expect(await a.stillHeld()).toBe(true);
      await endLockSessions();
      expect(await b.tryHold()).toBe(true);
      expect(await a.stillHeld()).toBe(false);
      expect(await a.tryHold()).toBe(false);
      // Once free again, the old holder takes it on its new session.
      await b.release();
      expect(await a.tryHold()).toBe(true);
      expect(await a.stillHeld()).toBe(true);
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  });
});
