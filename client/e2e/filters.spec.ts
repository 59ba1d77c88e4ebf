import postgres from 'postgres';
import { appTimeout, customersShown, expect, openCustomers, test } from './fixtures.js';

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
  await customersShown(page);
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

async function statuses(databaseUrl: string): Promise<Map<string, string>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string; status: string }[]>`select name, status from customers where deleted_at is null`;
    return new Map(rows.map((r) => [r.name, r.status]));
  } finally {
    await sql.end();
  }
}

test('a filter narrows the selection: a bulk edit reaches only the selected customers still shown', async ({ isolated: { server, admin, page } }) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  const stuck = await cannotDial(server.databaseUrl);
  const before = await statuses(server.databaseUrl);

  await openCustomers(page);
  await page.getByRole('checkbox', { name: 'Select all customers on this page' }).check();
  await page.getByRole('button', { name: 'Select all 300 matching' }).click();
  await expect(page.getByText('300 selected', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('dialog', { name: 'Filters' }).getByRole('checkbox', { name: 'Cannot dial' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByText(`${stuck.length} selected`, { exact: true })).toBeVisible();
  await expect(page.getByText(`+ ${300 - stuck.length} hidden by the filters, left alone`)).toBeVisible();

  await page.getByRole('button', { name: 'Bulk edit' }).click();
  const dialog = page.getByRole('dialog', { name: /Bulk edit/ });
  await dialog.getByRole('checkbox', { name: 'Change status' }).check();
  await dialog.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Inactive', exact: true }).click();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: appTimeout() });
  const after = await statuses(server.databaseUrl);
  for (const [name, status] of before) expect([name, after.get(name)]).toEqual([name, stuck.includes(name) ? 'inactive' : status]);

  await page.getByRole('button', { name: 'Unselect hidden' }).click();
  await expect(page.getByText(/hidden by the filters/)).toHaveCount(0);
  await expect(page.getByText(`${stuck.length} selected`, { exact: true })).toBeVisible();
});

test('a condition built in the Filters popover (credit below 0 in EUR) keeps exactly those customers', async ({ isolated: { server, admin, page } }) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ n: number; either: number }[]>`
    select count(*) filter (where credit < 0 and currency = 'EUR')::int as n,
      count(*) filter (where (credit < 0 and currency = 'EUR') or credit + debit_limit <= 0)::int as either
    from customers where deleted_at is null`;
  await sql.end();
  const { n, either } = row!;
  expect(n).toBeGreaterThan(0);

  await openCustomers(page);
  await expect(page.getByText('300 customers')).toBeVisible();
  await page.getByRole('button', { name: 'Filters' }).click();
  const popover = page.getByRole('dialog', { name: 'Filters' });
  await expect(popover.getByRole('button', { name: 'Add filter' })).toBeDisabled();
  await expect(popover.getByText('Enter a number')).toBeVisible();
  await popover.getByRole('textbox', { name: 'Value' }).fill('0');
  await popover.getByRole('combobox', { name: 'Currency' }).click();
  // Each currency says how many customers have it: "EUR (123)".
  await popover.getByRole('option', { name: /^EUR \(\d+\)$/ }).click();
  await popover.getByRole('button', { name: 'Add filter' }).click();
  await page.keyboard.press('Escape');

  await expect(page.getByRole('list', { name: 'Filters in force' }).getByRole('listitem')).toHaveText(['Credit < 0 EUR']);
  await expect(page.getByText(`${n} match`, { exact: true })).toBeVisible();

  // With a second filter, "Any of" keeps the rows either one keeps; the URL says so, a reload keeps it.
  await page.getByRole('button', { name: 'Filters' }).click();
  await popover.getByRole('checkbox', { name: 'Cannot dial' }).check();
  await page.keyboard.press('Escape');
  await page.getByText('Any of', { exact: true }).click();
  await expect(page.getByText(`${either} match`, { exact: true })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('match')).toBe('any');
  await page.reload();
  await customersShown(page);
  await expect(page.getByText(`${either} match`, { exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Any of' })).toBeChecked();
});
