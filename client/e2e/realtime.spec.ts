import { contextFor, expect, openCustomers, test } from './fixtures.js';
import { createCustomerViaUi, row, search } from './customer-ui.js';

test('a customer created in one browser appears in another without a reload', async ({ browser, server, admin, signedIn: first }) => {
  const secondContext = await contextFor(browser, server, admin);
  const second = await secondContext.newPage();
  await openCustomers(first);
  await openCustomers(second);
  await search(second, 'Realtime Voice');

  await createCustomerViaUi(first, 'Realtime Voice Ltd');
  await expect(row(first, 'Realtime Voice Ltd')).toBeVisible();

  // The second browser is poked over SSE and pulls: no reload, no click.
  await expect(row(second, 'Realtime Voice Ltd')).toBeVisible();
  await expect(second.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'true');
  await secondContext.close();
});
