import { appTimeout, expect, openCustomers, synced, test } from './fixtures.js';

test('staff set the traffic warning thresholds; the setting syncs and survives a reload', async ({ signedIn: page }) => {
  await openCustomers(page);
  await page.getByRole('tab', { name: 'Alerts' }).click();
  const section = page.getByRole('region', { name: 'Traffic warning thresholds' });
  const asr = section.getByRole('textbox', { name: 'Low ASR below (%)' });
  await expect(asr).toHaveValue('20');
  await asr.fill('35');
  await section.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByText('Warning thresholds saved')).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: appTimeout() });
  // Still on the Alerts page: wait for its replica, not for the customer list.
  await page.reload();
  await synced(page);
  await page.getByRole('tab', { name: 'Alerts' }).click();
  await expect(page.getByRole('region', { name: 'Traffic warning thresholds' }).getByRole('textbox', { name: 'Low ASR below (%)' })).toHaveValue('35');
});
