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

  it('keeps its session, and so the lock, through the server’s idle session timeout', async () => {
    // New sessions of this database are ended after 100 ms idle, as a DBA or a pooler might set it.
    await admin.unsafe(`alter database ${db.name} set idle_session_timeout = '100ms'`);
    const lock = new AdvisoryLock(db.url, 'idle job');
    try {
      expect(await lock.tryHold()).toBe(true);
      const [holder] = await admin<{ pid: number }[]>`
        select pid from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())`;
      // Wait until the holding session has sat idle for five times the limit, or is gone.
      let idle: { idle_ms: number }[];
      let polls = 0;
      do {
        idle = await admin<{ idle_ms: number }[]>`
          select extract(epoch from clock_timestamp() - state_change)::float8 * 1000 as idle_ms
          from pg_stat_activity where pid = ${holder!.pid} and state = 'idle'`;
        if (++polls > 100_000) throw new Error('The lock session neither idled nor ended');
      } while (idle.length === 1 && idle[0]!.idle_ms < 500);
      expect(idle).toHaveLength(1);
      expect(await lock.stillHeld()).toBe(true);
    } finally {
      await admin.unsafe(`alter database ${db.name} reset idle_session_timeout`);
      await lock.release();
    }
  });
});
