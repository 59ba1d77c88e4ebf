import type { Page } from '@playwright/test';
import type postgres from 'postgres';

/**
 * Time from a call record arriving (the POST to /api/ingest/cdrs starts) until the grid
 * on an open device shows its effect: the customer's row, found by name in the search
 * box, turning from no ASR to "100%". Each run uses a customer without traffic.
 */
export async function measureCdrToGrid(page: Page, sql: postgres.Sql, serverUrl: string, apiKey: string, runs: number): Promise<number[]> {
  const quiet = await sql<{ id: string; name: string; currency: string }[]>`
    select c.id, c.name, c.currency from customers c
    where c.deleted_at is null and c.status = 'active'
      and not exists (select 1 from customer_minute_rollups r where r.customer_id = c.id)
    order by c.name limit ${runs}`;
  const box = page.getByRole('textbox', { name: 'Search customers' });
  const out: number[] = [];
  for (const [i, customer] of quiet.entries()) {
    await box.fill(customer.name);
    const row = page.getByRole('row').filter({ hasText: customer.name }).first();
    await row.waitFor();
    const now = Date.now();
    const record = {
      callId: `grid-${now}-${i}`,
      customerId: customer.id,
      startedAt: new Date(now - 65_000).toISOString(),
      ringingAt: new Date(now - 63_000).toISOString(),
      answeredAt: new Date(now - 60_000).toISOString(),
      endedAt: new Date(now - 1000).toISOString(),
      sipCode: 200,
      destination: '4930123456',
      charge: '0.01',
      currency: customer.currency,
    };
    const sent = Date.now();
    const res = await fetch(`${serverUrl}/api/ingest/cdrs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify([record]),
    });
    if (!res.ok) throw new Error(`Ingest answered ${res.status}`);
    await row.getByText('100%', { exact: true }).waitFor({ timeout: 30_000 });
    out.push(Date.now() - sent);
  }
  await box.fill('');
  return out;
}
