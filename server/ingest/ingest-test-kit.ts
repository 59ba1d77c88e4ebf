import type { CreateApiKeyResponse } from '../../shared/api.js';
import type { ApiClient } from '../test/api-client.js';
import type { TestServer } from '../test/test-server.js';

/** A customer of the test organisation, as ingest tests need it. */
export interface KitCustomer {
  id: string;
  currency: string;
  credit: string;
}

/** Sample customers (via the real endpoint) and a switch API key for the admin's organisation. */
export async function ingestKit(server: TestServer, admin: ApiClient, customers = 5) {
  await admin.postOk('/api/sample-data', { count: customers });
  const rows = await server.sql<KitCustomer[]>`select id, currency, credit::text as credit from customers order by name`;
  const { key } = await admin.postOk<CreateApiKeyResponse>('/api/api-keys', { name: 'Switch A' });
  const post = (path: string, body: string, contentType = 'application/json', apiKey: string | null = key) =>
    fetch(`${server.url}/api/ingest/${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body,
    });
  return { customers: rows, key, post };
}

let seq = 0;

/** A valid call record for `customer`, overridable field by field. */
export function cdr(customer: KitCustomer, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  const start = Date.UTC(2026, 10, 26, 10, 0, 0) + seq * 1000;
  return {
    callId: `call-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    customerId: customer.id,
    startedAt: new Date(start).toISOString(),
    ringingAt: new Date(start + 2000).toISOString(),
    answeredAt: new Date(start + 5000).toISOString(),
    endedAt: new Date(start + 125_000).toISOString(),
    sipCode: 200,
    destination: '442071234567',
    charge: '0.1200',
    currency: customer.currency,
    ...overrides,
  };
}
