import postgres from 'postgres';
import { httpTransport, TestSyncClient } from '../../server/sync/test-support/test-sync-client.js';
import { appTimeout, customersShown, expect, test } from './fixtures.js';

async function activeByName(databaseUrl: string): Promise<{ id: string; name: string }[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql<{ id: string; name: string }[]>`select id, name from customers where status = 'active' and deleted_at is null order by lower(name)`;
  } finally {
    await sql.end();
  }
}

test('a change from elsewhere that moves a customer out of the filtered view and back keeps the page, the scroll position and the selection', async ({
  isolated: { server, admin, page },
}) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  const active = await activeByName(server.databaseUrl);
  expect(active.length).toBeGreaterThan(120);
  const n = active.length;

  await page.goto('/?status=active');
  await customersShown(page);
  await expect(page.getByText(`${n} match`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '2', exact: true }).click();
  await expect(page.getByText(`51–100 of ${n}`)).toBeVisible();
  const firstOnPage = page.locator('tbody tr').first();
  await firstOnPage.getByRole('checkbox').check();
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
  const viewport = page.locator('.mantine-datatable-scroll-area [data-radix-scroll-area-viewport], .mantine-datatable .mantine-ScrollArea-viewport').first();
  await viewport.evaluate((el) => (el.scrollTop = 400));
  const scrolled = await viewport.evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(0);

  // Another device (here a sync client of the same user) makes the last active customer inactive, then active again.
  const elsewhere = new TestSyncClient(httpTransport(admin.api));
  await elsewhere.pullAll();
  const last = active.at(-1)!;
  await elsewhere.mutate('setCustomerStatus', { ids: [last.id], status: 'inactive' });
  await expect(page.getByText(`${n - 1} match`, { exact: true })).toBeVisible({ timeout: appTimeout() });
  await expect(page.getByText(`51–100 of ${n - 1}`)).toBeVisible();
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
  await expect(firstOnPage.getByRole('checkbox')).toBeChecked();
  expect(await viewport.evaluate((el) => el.scrollTop)).toBe(scrolled);

  await elsewhere.mutate('setCustomerStatus', { ids: [last.id], status: 'active' });
  await expect(page.getByText(`${n} match`, { exact: true })).toBeVisible({ timeout: appTimeout() });
  await expect(page.getByText(`51–100 of ${n}`)).toBeVisible();
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
  expect(await viewport.evaluate((el) => el.scrollTop)).toBe(scrolled);
});
