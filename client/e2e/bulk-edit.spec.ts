import postgres from 'postgres';
import { bulkSetStatus } from './customer-ui.js';
import { appTimeout, expect, openCustomers, test } from './fixtures.js';

async function statusCounts(databaseUrl: string): Promise<Record<string, number>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ status: string; n: number }[]>`select status, count(*)::int as n from customers group by status`;
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    await sql.end();
  }
}

test('bulk status change of 1,000 customers, then undo', async ({ isolated: { server, admin, page } }) => {
  // A server of its own, 1,000 customers synced and two 1,000-row changes: up to 1.9 min on two busy cores.
  test.slow();
  await admin.api.postOk('/api/sample-data', { count: 1000 });
  const before = await statusCounts(server.databaseUrl);
  expect(Object.values(before).reduce((a, b) => a + b, 0)).toBe(1000);

  await openCustomers(page);
  await expect(page.getByText('1,000 customers')).toBeVisible();
  await bulkSetStatus(page, 1000, 'Inactive');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Locally at once: every row on the page is inactive...
  const statusCells = page.getByRole('row').getByText(/^(Active|Inactive|Pending|Pending approval|Penalty)$/);
  await expect(statusCells.first()).toBeVisible();
  await expect(page.getByRole('row').getByText('Active', { exact: true })).toHaveCount(0);
  // ...and the server has all 1,000 once the change syncs.
  await expect.poll(() => statusCounts(server.databaseUrl), { timeout: appTimeout() }).toEqual({ inactive: 1000 });
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: appTimeout() });

  // Undo puts every customer back as it was, penalties included.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => statusCounts(server.databaseUrl), { timeout: appTimeout() }).toEqual(before);
  await expect(page.getByRole('row').getByText('Active', { exact: true }).first()).toBeVisible();
});
