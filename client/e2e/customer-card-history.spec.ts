import postgres from 'postgres';
import { addMoney, normalizeMoney } from '../../shared/money.js';
import { addAccount, appTimeout, contextFor, expect, openCustomers, test } from './fixtures.js';
import { row, search } from './customer-ui.js';

interface CustomerRow {
  id: string;
  name: string;
  credit: string;
  currency: string;
}

async function query<T extends object>(databaseUrl: string, run: (sql: postgres.Sql) => Promise<T[]>): Promise<T[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

test('the card’s Balance, Traffic and Alerts tabs: a payment shows at once and reaches the ledger; no traffic shows as "-"', async ({ browser, isolated: { server, admin, page } }) => {
  // Two signed-in browsers, sample data and a sync round trip: more than the default minute on a busy machine.
  test.slow();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await openCustomers(page);
  await page.getByRole('textbox', { name: 'Sample customers' }).fill('20');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText('20 customers', { exact: true })).toBeVisible({ timeout: appTimeout() });

  // Sample customers have no calls: no rollups, only the opening ledger entry.
  const [customer] = await query<CustomerRow>(server.databaseUrl, (sql) => sql`select id, name, credit::text as credit, currency from customers order by name limit 1`);
  if (!customer) throw new Error('no sample customer');
  const before = normalizeMoney(customer.credit);
  const after = addMoney(before, '25.00');

  await search(page, customer.name);
  await row(page, customer.name).getByRole('button', { name: customer.name, exact: true }).click();
  const card = page.getByRole('dialog');
  await card.getByRole('tab', { name: 'Balance' }).click();
  const credit = card.getByTestId('balance-credit');
  await expect(credit).toHaveAttribute('data-amount', before);
  const ledger = card.getByRole('table', { name: 'Balance ledger' });
  await expect(ledger.getByRole('row').filter({ hasText: 'Opening' })).toHaveCount(1);

  // Offline, so only this device can have applied it: the credit rises at once all the same.
  await page.context().setOffline(true);
  await card.getByRole('textbox', { name: /^Amount/ }).fill('25.00');
  await card.getByRole('textbox', { name: 'Reason' }).fill('Wire 123');
  await card.getByRole('button', { name: 'Post payment' }).click();
  await expect(credit).toHaveAttribute('data-amount', after);
  await expect(card.getByTestId('balance-available')).toHaveAttribute('data-amount', /./);
  const waiting = ledger.getByRole('row').filter({ hasText: 'Not synced yet' });
  await expect(waiting).toContainText('Wire 123');
  await expect(waiting).toContainText(/\+[A-Z]{3}\s25\.00/);
  const [unchanged] = await query<{ credit: string }>(server.databaseUrl, (sql) => sql`select credit::text as credit from customers where id = ${customer.id}`);
  expect(normalizeMoney(unchanged!.credit)).toBe(before);

  // Back online: the change syncs and the ledger, fetched again, holds the server's entry.
  await page.context().setOffline(false);
  const payment = ledger.getByRole('row').filter({ hasText: 'Wire 123' });
  await expect(payment.filter({ hasText: 'Ada Admin' })).toHaveCount(1, { timeout: appTimeout() });
  await expect(payment).toHaveCount(1);
  await expect(payment).toContainText('Payment');
  await expect(payment).toContainText(/\+[A-Z]{3}\s25\.00/);
  await expect(credit).toHaveAttribute('data-amount', after);
  const [entry] = await query<{ kind: string; amount: string; reason: string }>(
    server.databaseUrl,
    (sql) => sql`select kind, amount::text as amount, reason from balance_ledger where customer_id = ${customer.id} and kind = 'payment'`,
  );
  expect(entry).toEqual({ kind: 'payment', amount: '25.0000', reason: 'Wire 123' });

  // No traffic: every figure is "-", the charts are drawn empty, nothing fails.
  await card.getByRole('tab', { name: 'Traffic' }).click();
  // The chart code loads on first use: allow for a slow machine.
  await expect(card.getByText(/^Figures from /)).toBeVisible({ timeout: appTimeout() });
  for (const label of ['Attempts', 'Answered', 'ASR', 'NER', 'ACD', 'Avg PDD', 'Peak CPS', 'Peak channels']) {
    await expect(card.getByRole('group', { name: label, exact: true })).toContainText(/-$/);
  }
  for (const chart of ['Attempts per bucket', 'ASR %', 'ACD s (answered calls)', 'PDD s', 'Channels (peak)', `Credit (${customer.currency})`]) {
    await expect(card.getByRole('group', { name: chart, exact: true }).locator('.recharts-surface').first()).toBeVisible();
  }
  await expect(card.getByRole('group', { name: 'ASR %', exact: true })).toContainText('No calls in this window');
  await expect(card.getByText('Figures not updated')).toHaveCount(0);

  await card.getByRole('tab', { name: 'Alerts' }).click();
  await expect(card.getByText('No alerts for this customer')).toBeVisible();
  expect(pageErrors).toEqual([]);

  // A viewer reads the balance and the ledger but gets no posting form.
  const viewer = await addAccount(admin, 'viewer', 'viewer.card@carrier.example');
  const viewerContext = await contextFor(browser, server, viewer);
  const viewerPage = await viewerContext.newPage();
  await openCustomers(viewerPage);
  await search(viewerPage, customer.name);
  await row(viewerPage, customer.name).getByRole('button', { name: customer.name, exact: true }).click();
  const viewerCard = viewerPage.getByRole('dialog');
  await viewerCard.getByRole('tab', { name: 'Balance' }).click();
  await expect(viewerCard.getByTestId('balance-credit')).toHaveAttribute('data-amount', after);
  await expect(viewerCard.getByRole('table', { name: 'Balance ledger' }).getByRole('row').filter({ hasText: 'Wire 123' })).toHaveCount(1);
  await expect(viewerCard.getByRole('group', { name: 'Post payment / adjustment' })).toHaveCount(0);
  await expect(viewerCard.getByRole('button', { name: /^Post / })).toHaveCount(0);
  await viewerContext.close();
});
