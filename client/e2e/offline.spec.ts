import type { Page } from '@playwright/test';
import { appTimeout, customersShown, expect, openCustomers, test } from './fixtures.js';
import { createCustomerViaUi, row, search, serverCustomers } from './customer-ui.js';

async function setChannels(page: Page, name: string, channels: string) {
  await row(page, name).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Channels' }).fill(channels);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  // The card closes as soon as the change shows; "Saved" follows once it is stored on the device.
  await expect(dialog).toBeHidden({ timeout: appTimeout() });
  await expect(page.getByText(`Saved: ${name}`, { exact: true }).last()).toBeVisible({ timeout: appTimeout() });
}

test('edits made offline survive an offline reload and reach the server when back online', async ({ signedIn: page, server }) => {
  await openCustomers(page);
  await createCustomerViaUi(page, 'Offline Edit Telecom');
  await search(page, 'Offline Edit');
  await expect(row(page, 'Offline Edit Telecom')).toBeVisible();
  await expect.poll(async () => (await serverCustomers(server.databaseUrl, { nameLike: 'Offline Edit%' })).length, { timeout: appTimeout() }).toBe(1);
  // The service worker must control the app before the network goes away.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  // Chromium's offline emulation has now and then let a push through to the server on a busy
  // machine; holding sync requests back as well makes "nothing reached the server" certain.
  await page.route('**/api/replicache/**', (route) => route.abort('internetdisconnected'));
  await page.context().setOffline(true);
  await setChannels(page, 'Offline Edit Telecom', '77');
  await expect(row(page, 'Offline Edit Telecom')).toContainText('/ 77');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'false');

  // The app shell comes from the service worker, the data from IndexedDB.
  await page.reload();
  await customersShown(page, { offline: true });
  await search(page, 'Offline Edit');
  await expect(row(page, 'Offline Edit Telecom')).toContainText('/ 77');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '1');
  expect((await serverCustomers(server.databaseUrl, { nameLike: 'Offline Edit%' }))[0]?.channels).toBe(0);

  await page.unroute('**/api/replicache/**');
  await page.context().setOffline(false);
  await expect.poll(async () => (await serverCustomers(server.databaseUrl, { nameLike: 'Offline Edit%' }))[0]?.channels, { timeout: appTimeout() }).toBe(77);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0');
});

test('an edit followed by an immediate reload is not lost', async ({ signedIn: page, server }) => {
  await openCustomers(page);
  await createCustomerViaUi(page, 'Reload Right Away Ltd');
  await search(page, 'Reload Right Away');
  await expect.poll(async () => (await serverCustomers(server.databaseUrl, { nameLike: 'Reload Right Away%' })).length, { timeout: appTimeout() }).toBe(1);

  // Hold pushes back, so only the device's own storage can keep the edit across the reload.
  await page.route('**/api/replicache/push', (route) => route.abort());
  await setChannels(page, 'Reload Right Away Ltd', '42');
  await page.reload();
  await customersShown(page);
  await search(page, 'Reload Right Away');
  await expect(row(page, 'Reload Right Away Ltd')).toContainText('/ 42');

  await page.unroute('**/api/replicache/push');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => (await serverCustomers(server.databaseUrl, { nameLike: 'Reload Right Away%' }))[0]?.channels, { timeout: appTimeout() }).toBe(42);
});
