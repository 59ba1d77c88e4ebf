import { appTimeout, expect, openCustomers, test } from './fixtures.js';
import { createCustomerViaUi, row, search, serverCustomers } from './customer-ui.js';

test('delete asks for confirmation naming the count, and the trash restores', async ({ signedIn: page, server }) => {
  await openCustomers(page);
  await createCustomerViaUi(page, 'Trashable One GmbH');
  await createCustomerViaUi(page, 'Trashable Two GmbH');
  await search(page, 'Trashable');
  await expect(page.getByText('2 match')).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select Trashable One GmbH' }).check();
  await page.getByRole('checkbox', { name: 'Select Trashable Two GmbH' }).check();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Delete 2 customers?');
  await confirm.getByRole('button', { name: 'Delete' }).click();

  await expect(row(page, 'Trashable One GmbH')).toBeHidden();
  await expect(row(page, 'Trashable Two GmbH')).toBeHidden();
  await expect
    .poll(async () => (await serverCustomers(server.databaseUrl, { nameLike: 'Trashable%' })).map((c) => c.deleted_at !== null), { timeout: appTimeout() })
    .toEqual([true, true]);

  await page.getByRole('radiogroup', { name: 'View' }).getByText(/^Trash/).click();
  await expect(row(page, 'Trashable One GmbH')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select Trashable One GmbH' }).check();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(row(page, 'Trashable One GmbH')).toBeHidden();

  await page.getByRole('radiogroup', { name: 'View' }).getByText('Customers', { exact: true }).click();
  await expect(row(page, 'Trashable One GmbH')).toBeVisible();
  await expect(row(page, 'Trashable Two GmbH')).toBeHidden();
  await expect
    .poll(async () => (await serverCustomers(server.databaseUrl, { nameLike: 'Trashable%' })).map((c) => c.deleted_at !== null), { timeout: appTimeout() })
    .toEqual([false, true]);
});
