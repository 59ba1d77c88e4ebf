import { addAccount, appTimeout, contextFor, customersShown, expect, openCustomers, test } from './fixtures.js';

test('only admins are offered sample data, others are told who can, and a refusal shows the server’s reason', async ({ browser, isolated }) => {
  // A server of its own, two signed-in pages and a 1,000-customer sync: up to 2 min on two busy cores.
  test.slow();
  const { server, admin, page } = isolated;
  const operator = await addAccount(admin, 'operator', 'operator.samples@carrier.example');
  const operatorContext = await contextFor(browser, server, operator);
  const operatorPage = await operatorContext.newPage();
  await openCustomers(operatorPage);
  await expect(operatorPage.getByText('No customers yet')).toBeVisible();
  await expect(operatorPage.getByText('An admin can load sample data to try the page.')).toBeVisible();
  await expect(operatorPage.getByRole('button', { name: 'Load sample data' })).toHaveCount(0);
  await operatorContext.close();

  await openCustomers(page);
  const load = page.getByRole('button', { name: 'Load sample data' });
  await expect(load).toBeVisible();
  // Customers arrive on the server that this page does not pull, so it still offers a load.
  await page.route('**/api/replicache/pull', (route) => route.abort());
  await admin.api.postOk('/api/sample-data', { count: 1000 });
  await load.click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Sample data not loaded' });
  await expect(refusal).toContainText('Sample data goes only into an organisation with fewer than 1,000 customers', { timeout: appTimeout() });

  // Pulling again, the page shows the customers and no longer offers the load.
  await page.unroute('**/api/replicache/pull');
  await page.reload();
  await customersShown(page);
  await expect(page.getByText('1,000 customers')).toBeVisible();
  await expect(load).toHaveCount(0);
});
