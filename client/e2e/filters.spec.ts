import postgres from 'postgres';
import { expect, openCustomers, test } from './fixtures.js';

async function cannotDial(databaseUrl: string): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string }[]>`select name from customers where credit + debit_limit <= 0 and deleted_at is null order by name`;
    return rows.map((r) => r.name);
  } finally {
    await sql.end();
  }
}

test('the one-click "Cannot dial" filter keeps exactly the customers without available credit, survives a reload, and its chip removes it', async ({
  isolated: { server, admin, page },
}) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  const expected = await cannotDial(server.databaseUrl);
  expect(expected.length).toBeGreaterThan(0);

  await openCustomers(page);
  await expect(page.getByText('300 customers')).toBeVisible();
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('dialog', { name: 'Filters' }).getByRole('checkbox', { name: 'Cannot dial' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByText(`${expected.length} match`, { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Filters in force' }).getByRole('listitem')).toHaveText(['Cannot dial']);
  // The rows on screen are among those customers.
  const firstName = await page.getByRole('row').nth(1).getByRole('button').first().textContent();
  expect(expected).toContain(firstName);

  // The filter is in the URL: a reload (or the link, on another device) opens the same rows.
  expect(new URL(page.url()).searchParams.get('filters')).toContain('cannot_dial');
  await page.reload();
  await expect(page.getByText(`${expected.length} match`, { exact: true })).toBeVisible();

  // The menu shows it chosen; the chip's × takes it away again.
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByRole('dialog', { name: 'Filters' }).getByRole('checkbox', { name: 'Cannot dial' })).toBeChecked();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Remove filter: Cannot dial' }).click();
  await expect(page.getByText('300 customers')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Filters in force' })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has('filters')).toBe(false);
});
