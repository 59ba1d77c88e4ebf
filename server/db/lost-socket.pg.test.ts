import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { serverConnectionOptions } from './connection-options.js';

/**
 * The driver-level half of surviving a database restart: every query sent on a socket that
 * the server ends must settle (with an error the caller can retry), and no query may be
 * answered with another query's rows. Unpatched postgres.js 3.4.9 keeps queries piped
 * between a socket's 'error' and 'close' events; after the reconnect they wait for ever
 * (21 of 30 in every try here) or take the next query's answer: a session lookup that
 * comes back empty is a 401 for a signed-in user.
 */

const WORKERS = 30;
const KILL_ROUNDS = 100;
const APP = 'trunkline-lost-socket';

let db: TestDatabase;
let app: Sql;
let admin: Sql;

beforeAll(async () => {
  db = await createTestDatabase();
  app = postgres(db.url, { ...serverConnectionOptions(), max: 10, connection: { application_name: APP } });
  admin = postgres(db.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await app.end({ timeout: 1 });
  await admin.end();
  await db.drop();
});

describe('queries on connections the database ends', () => {
  it('all settle, each with its own rows or an error', async () => {
    let stop = false;
    let sequence = 0;
    const outcomes = { own: 0, empty: 0, foreign: 0 };
    // Resolves once `n` more queries got their rows: the pool has reconnected.
    let waiting: { n: number; done: () => void } | null = null;
    const answered = (n: number) => new Promise<void>((done) => (waiting = { n, done }));
    const noteAnswer = () => {
      if (waiting && --waiting.n <= 0) {
        waiting.done();
        waiting = null;
      }
    };
    const errors = new Map<string, number>();

    const ask = async () => {
      while (!stop) {
        const id = sequence++;
        try {
          const rows = await app<{ id: number }[]>`select ${id}::int as id where ${'yes'}::text = 'yes'`;
          if (rows.length === 0) outcomes.empty++;
          else if (rows[0]!.id !== id) outcomes.foreign++;
          else {
            outcomes.own++;
            noteAnswer();
          }
        } catch (error) {
          const code = String((error as { code?: string }).code);
          errors.set(code, (errors.get(code) ?? 0) + 1);
        }
      }
    };
    const terminate = async () => {
      for (let round = 0; round < KILL_ROUNDS; round++) {
        // Let a few queries reach the new sessions before ending them again (a different
        // number each round, so the ends land in different phases of the protocol).
        await answered(1 + (round % 4) * 3);
        await admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${APP}`;
      }
      stop = true;
    };

    // A query that never settles leaves its worker waiting, and the test times out here.
    await Promise.all([terminate(), ...Array.from({ length: WORKERS }, ask)]);

    expect(outcomes.empty).toBe(0);
    expect(outcomes.foreign).toBe(0);
    expect(outcomes.own).toBeGreaterThan(0);
    expect([...errors.keys()].every((code) => ['ECONNRESET', 'CONNECTION_CLOSED', '57P01', 'EPIPE'].includes(code))).toBe(true);
    // The pool is whole again afterwards.
    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => app<{ n: number }[]>`select ${i}::int as n`));
    expect(after.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  }, 60_000);
});
