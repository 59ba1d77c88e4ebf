import type { Page } from '@playwright/test';
import postgres from 'postgres';
import { addAccount, appTimeout, contextFor, customersShown, expect, openCustomers, synced, test } from './fixtures.js';
import { createCustomerViaUi } from './customer-ui.js';

/** The data-table row that mentions `text`. */
const tableRow = (page: Page, table: string, text: string) => page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: text });

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** What a switch sends: no cookie, no Origin, only the key. */
const ingest = (url: string, key: string) =>
  fetch(`${url}/api/ingest/cdrs`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '[]' });

test('an admin creates an API key, sees its secret once, and revokes it', async ({ server, signedIn: page }) => {
  await openCustomers(page);
  await openTab(page, 'API keys');

  await page.getByRole('button', { name: 'New key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API key' });
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog.getByText('Name is required')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Switch FRA-1');
  await dialog.getByRole('button', { name: 'Create key' }).click();

  const shown = page.getByRole('dialog', { name: 'Your new API key' });
  await expect(shown.getByText('This is the only time the key is shown', { exact: false })).toBeVisible();
  const key = (await shown.getByTestId('new-api-key').textContent())!.trim();
  expect(key).toMatch(/^tlk_[A-Za-z0-9_-]{43}$/);
  const origin = new URL(page.url()).origin;
  await expect(shown.getByText(`curl -X POST ${origin}/api/ingest/cdrs -H "Authorization: Bearer ${key}"`, { exact: false })).toBeVisible();
  await expect(shown.getByRole('button', { name: 'Copy key' })).toBeVisible();
  await shown.getByRole('button', { name: 'I have copied the key' }).click();
  await expect(shown).toBeHidden();

  // Listed by its prefix; the full key is nowhere on the page any more, not even after a reload.
  const prefix = key.slice(0, 12);
  const keyRow = tableRow(page, 'API keys', 'Switch FRA-1');
  await expect(keyRow).toContainText(`${prefix}…`);
  await expect(keyRow).toContainText('Never');
  await expect(keyRow).toContainText('Active');
  await page.reload();
  await synced(page);
  await expect(tableRow(page, 'API keys', 'Switch FRA-1')).toContainText(`${prefix}…`);
  await expect(page.getByText(key)).toHaveCount(0);
  await page.getByRole('button', { name: 'New key' }).click();
  await expect(page.getByRole('dialog', { name: 'New API key' }).getByRole('textbox', { name: 'Name' })).toHaveValue('');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  expect((await ingest(server.url, key)).status).toBe(200);

  await tableRow(page, 'API keys', 'Switch FRA-1').getByRole('button', { name: 'Revoke Switch FRA-1' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke the key “Switch FRA-1”?' });
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(tableRow(page, 'API keys', 'Switch FRA-1')).toContainText('Revoked');
  await expect(page.getByRole('button', { name: 'Revoke Switch FRA-1' })).toHaveCount(0);

  // The revoked key no longer opens the ingest endpoint.
  expect((await ingest(server.url, key)).status).toBe(401);
});

test('an admin creates an alert rule; a reset on the wrong side is refused under its field', async ({ signedIn: page }) => {
  await openCustomers(page);
  await openTab(page, 'Alerts');

  await page.getByRole('button', { name: 'New rule' }).click();
  const dialog = page.getByRole('dialog', { name: 'New alert rule' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Low ASR');
  await dialog.getByRole('textbox', { name: 'Threshold', exact: true }).fill('15');
  const reset = dialog.getByRole('textbox', { name: 'Reset threshold' });
  await reset.fill('10');
  await dialog.getByRole('textbox', { name: 'Penalty (minutes)' }).fill('60');
  await dialog.getByRole('button', { name: 'Create rule' }).click();
  // The shared schema's refusal sits under the reset field, and nothing was saved.
  await expect(reset).toHaveAttribute('aria-invalid', 'true');
  await expect(reset).toHaveAccessibleDescription(/reset must be at or above the threshold/);
  await expect(dialog).toBeVisible();

  await reset.fill('25');
  await dialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(dialog).toBeHidden();
  const ruleRow = tableRow(page, 'Alert rules', 'Low ASR');
  await expect(ruleRow).toContainText('ASR ≤ 15 % (resets at 25 %)');
  await expect(ruleRow).toContainText('All customers');
  await expect(ruleRow).toContainText('1 h penalty');
  await expect(ruleRow).toContainText('15 min');
  await expect(ruleRow.getByRole('switch', { name: 'Enabled: Low ASR' })).toBeChecked();
});

test('the alerts log shows fired and cleared alerts, and keeps them when the connection goes', async ({ server, signedIn: page }) => {
  await openCustomers(page);
  await createCustomerViaUi(page, 'Alerting Voice Ltd');
  // "Saved" is on this device: the events below need the customer on the server.
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: appTimeout() });
  // Two events as the evaluator writes them.
  const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const inserted = await sql`
      insert into alert_events (organisation_id, rule_name, customer_id, kind, area, value, threshold, penalty_until, at)
      select c.organisation_id, 'Logged ASR', c.id, e.kind, 'asr', e.value, e.threshold, e.penalty_until, e.at
      from customers c,
        (values ('fired', 9.5, 15, now() + interval '50 minutes', now() - interval '10 minutes'),
                ('cleared', 31.25, 25, null::timestamptz, now() - interval '1 minute')) as e (kind, value, threshold, penalty_until, at)
      where c.name = 'Alerting Voice Ltd'`;
    expect(inserted.count).toBe(2);
  } finally {
    await sql.end();
  }
  await openTab(page, 'Alerts');
  const logRows = page.getByRole('table', { name: 'Alerts log' }).getByRole('row').filter({ hasText: 'Alerting Voice Ltd' });
  await expect(logRows).toHaveCount(2);
  await expect(logRows.nth(0)).toContainText('Cleared');
  await expect(logRows.nth(0)).toContainText('31.25 % vs 25 %');
  await expect(logRows.nth(1)).toContainText('Fired');
  await expect(logRows.nth(1)).toContainText('Logged ASR');
  await expect(logRows.nth(1)).toContainText('9.5 % vs 15 %');
  await expect(logRows.nth(1)).toContainText('10 min ago');

  // Offline: the next refresh fails, the note says so, and what was loaded stays.
  await page.context().setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByText('Offline — showing what was loaded')).toBeVisible();
  await expect(logRows).toHaveCount(2);
  await page.context().setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByText('Offline — showing what was loaded')).toHaveCount(0);
});

test('a viewer sees the alert rules but cannot change them, and has no API keys page', async ({ browser, server, admin }) => {
  await admin.api.postOk('/api/alert-rules', { name: 'Viewer Visible Rule', area: 'asr', operator: '<=', threshold: 15, resetThreshold: 25, target: { kind: 'all' } });
  const viewer = await addAccount(admin, 'viewer', 'viewer.alerts@carrier.example');
  const context = await contextFor(browser, server, viewer);
  const page = await context.newPage();
  await openCustomers(page);
  await expect(page.getByRole('tab', { name: 'Alerts' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'API keys' })).toHaveCount(0);
  await openTab(page, 'Alerts');
  await expect(tableRow(page, 'Alert rules', 'Viewer Visible Rule')).toContainText('ASR ≤ 15 % (resets at 25 %)');
  await expect(tableRow(page, 'Alert rules', 'Viewer Visible Rule')).toContainText('On');
  await expect(page.getByRole('button', { name: 'New rule' })).toHaveCount(0);
  await expect(page.getByRole('switch')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Edit|Delete) rule/ })).toHaveCount(0);
  // Typing the address does not open the keys page either.
  await page.goto('/api-keys');
  await customersShown(page);
  await expect(page.getByRole('heading', { name: 'API keys' })).toHaveCount(0);
  await context.close();
});
