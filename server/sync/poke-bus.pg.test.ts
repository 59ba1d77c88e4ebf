import postgres, { type Sql } from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { createPokeBus, POKE_WINDOW_MS, type PokeBus } from './poke-bus.js';

/** Resolves on the listener's next call. */
function nextPoke(bus: PokeBus, organisationId: string): { poked: Promise<void>; unsubscribe: () => void } {
  let unsubscribe = () => {};
  const poked = new Promise<void>((resolve) => {
    unsubscribe = bus.subscribe(organisationId, resolve);
  });
  return { poked, unsubscribe };
}

describe('poke bus over LISTEN/NOTIFY', () => {
  let db: TestDatabase;
  let sqlA: Sql;
  let sqlB: Sql;
  let busA: PokeBus;
  let busB: PokeBus;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two pools, as two app server processes would have.
    sqlA = postgres(db.url, { max: 2, onnotice: () => {} });
    sqlB = postgres(db.url, { max: 2, onnotice: () => {} });
    busA = await createPokeBus(sqlA, { embedded: false });
    busB = await createPokeBus(sqlB, { embedded: false });
  });
  afterAll(async () => {
    await busA.close();
    await busB.close();
    await sqlA.end();
    await sqlB.end();
    await db.drop();
  });

  it('delivers a poke published on one server to the subscribers of another, and of itself', async () => {
    const onB = nextPoke(busB, 'org-1');
    const onA = nextPoke(busA, 'org-1');
    await busA.publish('org-1');
    await Promise.all([onB.poked, onA.poked]);
    onB.unsubscribe();
    onA.unsubscribe();
  });

  it('pokes only the subscribers of the organisation that changed', async () => {
    const other = vi.fn();
    const unsubscribeOther = busB.subscribe('org-2', other);
    const mine = nextPoke(busB, 'org-3');
    await busA.publish('org-3');
    await mine.poked;
    // Both organisations share the channel; only the payload's organisation is poked.
    expect(other).not.toHaveBeenCalled();
    unsubscribeOther();
    mine.unsubscribe();
  });

  it('listens again after its database session was ended, and pokes every subscriber since pokes may have been missed', async () => {
    const missed = nextPoke(busB, 'org-5');
    await sqlA`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${db.name} and query ilike 'listen%'`;
    await missed.poked;
    missed.unsubscribe();
    const after = nextPoke(busB, 'org-5');
    await busA.publish('org-5');
    await after.poked;
    after.unsubscribe();
  });

  it('stops poking a listener once it unsubscribes', async () => {
    const gone = vi.fn();
    busB.subscribe('org-4', gone)();
    const witness = nextPoke(busB, 'org-4');
    await busA.publish('org-4');
    await witness.poked;
    expect(gone).not.toHaveBeenCalled();
    witness.unsubscribe();
  });
});

describe('embedded poke bus', () => {
  afterEach(() => vi.useRealTimers());

  it('pokes in-process subscribers, coalescing a burst into at most one poke per window', async () => {
    vi.useFakeTimers();
    // The embedded bus never touches the database.
    const bus = await createPokeBus(undefined as unknown as Sql, { embedded: true });
    const listener = vi.fn();
    const unsubscribe = bus.subscribe('org', listener);
    for (let i = 0; i < 1000; i++) await bus.publish('org');
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(POKE_WINDOW_MS);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    await bus.publish('org');
    vi.advanceTimersByTime(POKE_WINDOW_MS);
    expect(listener).toHaveBeenCalledTimes(2);
    await bus.close();
  });
});
