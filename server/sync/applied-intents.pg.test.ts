import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushMutation } from '../../shared/sync-protocol.js';
import type { Session } from '../http/app-env.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from './test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from './test-support/test-sync-client.js';

/**
 * A device saves changes as client X, journalling each with its intent id; its tab dies
 * with the first `persisted` of them in Replicache's IndexedDB and the rest only in the
 * journal, while a push of the first `inFlight` is still on its way. What reaches the
 * server afterwards, in any order: that push, the next tab pushing the persisted ones as
 * X, and one or more rounds of journal replays by new clients (a round may itself die
 * part-way, and may send changes that did arrive). Every change must take effect exactly
 * once: each is a payment of 1, so the credit counts them.
 */

let t: SyncTestDb;
let orgId: string;
let operator: Session;
let intruder: Session;

beforeAll(async () => {
  t = await openSyncTestDb();
  orgId = await createOrganisation(t.sql);
  operator = await createSessionFor(t.sql, orgId, 'operator');
  intruder = await createSessionFor(t.sql, orgId, 'operator');
});
afterAll(() => t.close());

const client = (session: Session, group?: string) => new TestSyncClient(directTransport(t.deps, session), group);

async function newCustomer(): Promise<string> {
  const id = randomUUID();
  await client(operator).mutate('createCustomer', { id, name: `Journal ${id}`, currency: 'EUR' });
  return id;
}

async function ledger(customerId: string): Promise<{ credit: string; reasons: string[] }> {
  const [c] = await t.sql<{ credit: string }[]>`select credit::text from customers where id = ${customerId}`;
  const rows = await t.sql<{ reason: string }[]>`select reason from balance_ledger where customer_id = ${customerId} and kind = 'payment' order by reason`;
  return { credit: c!.credit, reasons: rows.map((r) => r.reason) };
}

const payment = (customerId: string, i: number, intent: string = randomUUID()) => ({ customerId, kind: 'payment' as const, amount: '1', reason: `change ${i}`, intent });

type Delivery = { kind: 'in-flight' } | { kind: 'recovery' } | { kind: 'replay'; round: number; upTo: number; all: boolean };

const scenario = fc
  .record({ changes: fc.integer({ min: 1, max: 5 }), persisted: fc.nat(5), inFlight: fc.nat(5), rounds: fc.integer({ min: 1, max: 3 }), sameGroup: fc.boolean() })
  .chain((s) => {
    const persisted = Math.min(s.persisted, s.changes);
    const inFlight = Math.min(s.inFlight, s.changes);
    const journalOnly = s.changes - persisted;
    return fc.record({
      ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, fc.constant(v)])),
      persisted: fc.constant(persisted),
      inFlight: fc.constant(inFlight),
      // Every round but the last may die after part of its replays.
      cuts: fc.array(fc.integer({ min: 0, max: journalOnly }), { minLength: s.rounds - 1, maxLength: s.rounds - 1 }),
      // A round may also send changes its replica held after all (it could not tell).
      extra: fc.array(fc.boolean(), { minLength: s.rounds, maxLength: s.rounds }),
      order: fc.array(fc.double({ noNaN: true }), { minLength: 2, maxLength: 2 }),
      roundOrder: fc.array(fc.double({ noNaN: true }), { minLength: s.rounds, maxLength: s.rounds }),
    }) as fc.Arbitrary<typeof s & { cuts: number[]; extra: boolean[]; order: number[]; roundOrder: number[] }>;
  });

describe('journalled changes sent again after a crash', () => {
  it('take effect exactly once, whatever arrives and in whatever order', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const customerId = await newCustomer();
        const group = randomUUID();
        const dead = client(operator, group);
        const originals: PushMutation[] = Array.from({ length: s.changes }, (_, i) => dead.mutation('postBalanceEntry', payment(customerId, i)));
        const journal = originals.slice(s.persisted);

        // Replay rounds keep their relative order (each starts from what the last left), the
        // in-flight push and the recovery push land anywhere among them.
        const deliveries: { at: number; d: Delivery }[] = [];
        const roundTimes = [...s.roundOrder].sort((a, b) => a - b);
        roundTimes.forEach((at, round) =>
          deliveries.push({ at, d: { kind: 'replay', round, upTo: round < s.rounds - 1 ? s.cuts[round]! : journal.length, all: s.extra[round]! } }),
        );
        if (s.inFlight > 0) deliveries.push({ at: s.order[0]!, d: { kind: 'in-flight' } });
        if (s.persisted > 0) deliveries.push({ at: s.order[1]!, d: { kind: 'recovery' } });
        deliveries.sort((a, b) => a.at - b.at);

        for (const { d } of deliveries) {
          if (d.kind === 'in-flight') await dead.push(...originals.slice(0, s.inFlight));
          else if (d.kind === 'recovery') await client(operator, group).push(...originals.slice(0, s.persisted));
          else {
            const replayer = client(operator, s.sameGroup ? group : undefined);
            const sent = d.all ? [...originals.slice(0, s.persisted), ...journal.slice(0, d.upTo)] : journal.slice(0, d.upTo);
            const replays = sent.map((m) => replayer.mutation('postBalanceEntry', m.args as ReturnType<typeof payment>));
            if (replays.length > 0) await replayer.push(...replays);
          }
        }

        const { credit, reasons } = await ledger(customerId);
        expect(Number(credit)).toBe(s.changes);
        expect(reasons).toEqual(originals.map((_, i) => `change ${i}`).sort());
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('are told apart per user: another user’s copy of an intent id changes nothing of theirs', async () => {
    const customerId = await newCustomer();
    const intent = randomUUID();
    await client(intruder).mutate('postBalanceEntry', payment(customerId, 1, intent));
    await client(operator).mutate('postBalanceEntry', payment(customerId, 2, intent));
    const { reasons } = await ledger(customerId);
    expect(reasons).toEqual(['change 1', 'change 2']);
  });

  it('keep a refused change refused once: its copy is not reported again', async () => {
    const customerId = await newCustomer();
    const intent = randomUUID();
    const bad = { customerId, kind: 'payment' as const, amount: '-5', reason: 'negative', intent };
    const someone = await createSessionFor(t.sql, orgId, 'operator');
    await client(someone).mutate('postBalanceEntry', bad);
    await client(someone).mutate('postBalanceEntry', bad);
    const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from mutation_rejections where user_id = ${someone.user.id}`;
    expect(row!.n).toBe(1);
  });
});
