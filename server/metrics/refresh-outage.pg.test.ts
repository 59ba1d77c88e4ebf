import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CdrInput } from '../../shared/cdr.js';
import { tupleToSums, type CustomerMetrics } from '../../shared/metrics.js';
import { AdvisoryLock } from '../db/session-lock.js';
import { storeTestCdrs } from '../ingest/store-test-cdrs.js';
import { createOrganisation, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import type { PokeBus } from '../sync/poke-bus.js';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy.js';
import { MetricsPublisher, REFRESH_LOCK } from './metrics-publisher.js';

/** A running publisher whose database goes away and comes back: it must carry on by itself. */
let t: SyncTestDb;
let proxy: TcpProxy;
let viaProxy: Sql;
let publisher: MetricsPublisher;
let org: string;
const [customer] = makeCustomers(1);
const poked: ((organisationId: string) => void)[] = [];

/** Resolves when the publisher next pokes `organisationId`, which it does after publishing its new figures. */
const nextPoke = (organisationId: string) => new Promise<void>((resolve) => poked.push((o) => o === organisationId && resolve()));

beforeAll(async () => {
  t = await openSyncTestDb();
  org = await createOrganisation(t.sql);
  await insertCustomers(t.sql, org, [customer!]);
  const target = new URL(t.db.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const url = proxy.urlFor(t.db.url);
  viaProxy = postgres(url, { max: 2, onnotice: () => {} });
  const pokes = { publish: async (o: string) => poked.forEach((p) => p(o)) } as unknown as PokeBus;
  publisher = new MetricsPublisher(viaProxy, pokes, () => new Date(), 100, new AdvisoryLock(url, REFRESH_LOCK));
});

afterAll(async () => {
  await publisher.stop();
  await viaProxy.end({ timeout: 1 });
  await proxy.close();
  await t.close();
});

describe('MetricsPublisher while the database is away', () => {
  it('survives failed refreshes and publishes new figures by itself once the database is back', async () => {
    const failed = new Promise<string>((resolve) => vi.spyOn(console, 'warn').mockImplementation((message: unknown) => resolve(String(message))));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    publisher.start();
    proxy.cut();
    expect(await failed).toMatch(/^Metrics refresh failed, the database is unavailable/);
    proxy.restore();
    vi.restoreAllMocks();

    const at = Date.now() - 60_000;
    const calls = Array.from({ length: 3 }, (_, i): CdrInput => ({
      callId: `back-${i}`, customerId: customer!.id, startedAt: at + i, ringingAt: at + 1000, answeredAt: at + 2000, endedAt: at + 32_000, sipCode: 200, destination: '44',
    }) as CdrInput);
    const published = nextPoke(org);
    await storeTestCdrs(t.sql, org, calls);
    await published;
    const [row] = await t.sql<{ value: CustomerMetrics }[]>`select value from customer_metrics where customer_id = ${customer!.id}`;
    expect(tupleToSums(row!.value.h1)).toMatchObject({ attempts: 3, answered: 3 });
  });
});
