import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../http/app-env.js';
import { claimIntent } from './applied-intents.js';
import { pruneAppliedIntents } from './intent-retention.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from './test-support/sync-fixtures.js';

let t: SyncTestDb;
let operator: Session;
beforeAll(async () => {
  t = await openSyncTestDb();
  operator = await createSessionFor(t.sql, await createOrganisation(t.sql), 'operator');
});
afterAll(() => t.close());

const DAY = 86_400_000;
const now = new Date('2026-12-01T12:00:00Z');

async function appliedDaysAgo(days: number, count = 1): Promise<string[]> {
  const intents = Array.from({ length: count }, () => randomUUID());
  const at = new Date(now.getTime() - days * DAY);
  await t.sql`
    insert into applied_intents (user_id, intent, applied_at)
    select ${operator.user.id}, unnest(${intents}::uuid[]), ${at}`;
  return intents;
}

const claimAgain = (intent: string) => t.sql.begin((tx) => claimIntent(tx, operator.user.id, intent));

describe('applied intents retention', () => {
  it('forgets intents older than the retention, in batches, and keeps the recent ones refusing their copies', async () => {
    const old = await appliedDaysAgo(181, 25_000);
    const [edge] = await appliedDaysAgo(179);
    const [recent] = await appliedDaysAgo(1);

    expect(await pruneAppliedIntents(t.sql, now, 180)).toBe(25_000);

    // A copy of a recent change is still recognised and changes nothing...
    expect(await claimAgain(recent!)).toBe(false);
    expect(await claimAgain(edge!)).toBe(false);
    // ...while a forgotten one is free again.
    expect(await claimAgain(old[0]!)).toBe(true);
    expect(await pruneAppliedIntents(t.sql, now, 180)).toBe(0);
  });
});
