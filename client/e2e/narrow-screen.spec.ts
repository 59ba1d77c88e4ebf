import postgres from 'postgres';
import type { Page } from '@playwright/test';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import type { CustomerStatus } from '../../shared/customer-status.js';
import { formatMoney } from '../format/format-money.js';
import { expect, openCustomers, test } from './fixtures.js';

interface ServerCustomer {
  name: string;
  status: CustomerStatus;
  available: string;
  currency: string;
}

async function serverCustomers(databaseUrl: string): Promise<{ byName: Map<string, ServerCustomer>; cannotDial: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<ServerCustomer[]>`
      select name, status, (credit + debit_limit)::text as available, currency from customers where deleted_at is null`;
    const [stuck] = await sql<{ n: number }[]>`select count(*)::int as n from customers where credit + debit_limit <= 0 and deleted_at is null`;
    return { byName: new Map(rows.map((r) => [r.name, r])), cannotDial: stuck!.n };
  } finally {
    await sql.end();
  }
}

const pageScrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

test('on a phone the customers are a compact list: name, status and available balance per row, filters in a drawer, a tap opens the card', async ({
  isolated: { server, admin, page },
}) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  const { byName, cannotDial } = await serverCustomers(server.databaseUrl);
  expect(cannotDial).toBeGreaterThan(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await openCustomers(page);
  await expect(page.getByText('300 customers')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  const rows = page.getByRole('list', { name: 'Customers' }).getByRole('listitem');
  await expect(rows).toHaveCount(50);
  await expect(page.getByText('1–50 of 300')).toBeVisible();

  // Each row shows what the server has: the name, its status and credit plus debit limit.
  const names = await rows.getByRole('button').allTextContents();
  const texts = await rows.allTextContents();
  expect(names).toHaveLength(50);
  names.forEach((name, i) => {
    const customer = byName.get(name);
    expect(customer, name).toBeDefined();
    expect(oneLine(texts[i]!)).toContain(STATUS_LABELS[customer!.status]);
    expect(oneLine(texts[i]!)).toContain(oneLine(formatMoney(customer!.available, customer!.currency)));
  });
  // Touch targets, and nothing wider than the screen.
  const heights = await rows.evaluateAll((items) => items.map((el) => el.getBoundingClientRect().height));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  expect(await pageScrollsSideways(page)).toBe(false);

  // The one-click "Cannot dial" filter, from the drawer, narrows the list to the customers without available credit.
  await page.getByRole('button', { name: 'Filters' }).click();
  const drawer = page.getByRole('dialog', { name: 'Filters' });
  await drawer.getByRole('checkbox', { name: 'Cannot dial' }).check();
  await expect(drawer.getByRole('list', { name: 'Filters in force' }).getByRole('listitem')).toHaveText(['Cannot dial']);
  await drawer.getByRole('button', { name: `Show ${cannotDial} customer` }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByText(`${cannotDial} match`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Filters, 1 in force' })).toBeVisible();
  await expect(rows).toHaveCount(Math.min(cannotDial, 50));
  for (const name of await rows.getByRole('button').allTextContents()) {
    expect(Number(byName.get(name)!.available), name).toBeLessThanOrEqual(0);
  }

  // A tap on the row, away from the name, opens that customer's card.
  const first = rows.first();
  const firstName = (await first.getByRole('button').textContent())!;
  const box = (await first.boundingBox())!;
  await first.click({ position: { x: box.width - 12, y: box.height / 2 } });
  await expect(page.getByRole('dialog', { name: firstName })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: firstName })).toBeHidden();

  // The smallest common phone width: still no sideways scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(rows.first()).toBeVisible();
  expect(await pageScrollsSideways(page)).toBe(false);
});
