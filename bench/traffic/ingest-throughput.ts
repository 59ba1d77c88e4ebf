import type { CreateApiKeyResponse } from '../../shared/api.js';
import type { IngestResult } from '../../shared/cdr.js';
import type { ApiClient } from '../../server/test/api-client.js';
import type { BenchEnvironment } from '../bench-server.js';
import { cdrBatches, type BenchCustomer } from './cdr-batches.js';

export interface IngestRun {
  records: number;
  batchSize: number;
  concurrency: number;
  ms: number;
  perSecond: number;
}

/** Customers of the bench organisation (the sample data loaded before). */
export async function benchCustomers(env: BenchEnvironment, limit: number): Promise<BenchCustomer[]> {
  return env.sql<BenchCustomer[]>`select id, currency from customers where deleted_at is null order by id limit ${limit}`;
}

/**
 * Records per second through `POST /api/ingest/cdrs` on one server process: `total`
 * records in JSON batches, `concurrency` requests in flight (as several switches
 * sending at once). Bodies are built before the clock starts.
 */
export async function measureIngest(serverUrl: string, admin: ApiClient, customers: readonly BenchCustomer[], total: number, batchSize: number, concurrency: number): Promise<IngestRun> {
  const { key } = await admin.postOk<CreateApiKeyResponse>('/api/api-keys', { name: `bench ${batchSize}x${concurrency}` });
  const bodies = cdrBatches(customers, total, batchSize, Date.now(), `b${Date.now().toString(36)}`);
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await fetch(`${serverUrl}/api/ingest/cdrs`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
      if (!res.ok) throw new Error(`Ingest answered ${res.status}: ${await res.text()}`);
      const result = (await res.json()) as IngestResult;
      if (result.rejected.length > 0) throw new Error(`Ingest refused records: ${JSON.stringify(result.rejected.slice(0, 3))}`);
      accepted += result.accepted;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  if (accepted !== total) throw new Error(`Stored ${accepted} of ${total} records`);
  return { records: total, batchSize, concurrency, ms, perSecond: total / (ms / 1000) };
}
