import postgres from 'postgres';
import type { Account } from './fixtures.js';
import { appTimeout, customersShown, expect, test } from './fixtures.js';
import { launchOnProfile, newProfileDir, type BrowserOnProfile } from './browser-profile.js';
import { bulkSetStatus, createCustomerViaUi, row, search, serverCustomers } from './customer-ui.js';
import type { ServerProcess } from './server-process.js';

/**
 * "Saved" means saved: once the app says a change is posted, it survives the tab or the
 * whole browser going away at once, and reaches the server exactly once when the app is
 * opened again. Each change is a payment, so applying it twice would show in the credit.
 */

async function payments(databaseUrl: string, reason: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from balance_ledger where kind = 'payment' and reason = ${reason}`;
    return row!.n;
  } finally {
    await sql.end();
  }
}

async function signIn(profile: BrowserOnProfile, server: ServerProcess, account: Account) {
  const [name, value] = account.api.sessionCookie.split('=');
  await profile.context.addCookies([{ name: name!, value: value!, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await profile.context.newPage();
  page.setDefaultNavigationTimeout(appTimeout());
  return page;
}

/** Posts a payment with pushes held back, so only the device can keep it; resolves once the app says it is posted. */
async function postPaymentOffline(profile: BrowserOnProfile, server: ServerProcess, admin: Account, customer: string, reason: string) {
  const page = await signIn(profile, server, admin);
  await page.goto(server.url);
  await customersShown(page);
  await createCustomerViaUi(page, customer);
  await expect.poll(async () => (await serverCustomers(server.databaseUrl, { nameLike: customer })).length, { timeout: appTimeout() }).toBe(1);

  await page.route('**/api/replicache/push', (route) => route.abort('internetdisconnected'));
  await search(page, customer);
  await row(page, customer).getByRole('button', { name: customer, exact: true }).click();
  const card = page.getByRole('dialog');
  await card.getByRole('tab', { name: 'Balance' }).click();
  await card.getByRole('textbox', { name: /^Amount/ }).fill('25.00');
  await card.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await card.getByRole('button', { name: 'Post payment' }).click();
  await expect(page.getByText(`Posted`).first()).toBeVisible({ timeout: appTimeout() });
  return page;
}

/** Opens the app again on the same profile and waits until the server has the payment and the device nothing pending. */
async function reopenAndSync(dir: string, server: ServerProcess, admin: Account, customer: string, reason: string) {
  const again = await launchOnProfile(dir);
  try {
    const page = await signIn(again, server, admin);
    await page.goto(server.url);
    await customersShown(page);
    await expect.poll(() => payments(server.databaseUrl, reason), { timeout: appTimeout() }).toBe(1);
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: appTimeout() });
    await search(page, customer);
    await expect(row(page, customer)).toContainText('25.00');
    // Once: still one payment after everything on the device was sent.
    expect(await payments(server.databaseUrl, reason)).toBe(1);
    const [stored] = await serverCustomers(server.databaseUrl, { nameLike: customer });
    expect(stored).toBeDefined();
  } finally {
    await again.close();
  }
}

test('a payment posted just before the tab is closed reaches the server once when the app is opened again', async ({ server, admin }) => {
  const profile = newProfileDir();
  try {
    const browser = await launchOnProfile(profile.dir);
    const page = await postPaymentOffline(browser, server, admin, 'Closed Tab Telecom', 'Wire closed-tab');
    await page.close();
    await browser.close();
    await reopenAndSync(profile.dir, server, admin, 'Closed Tab Telecom', 'Wire closed-tab');
  } finally {
    profile.remove();
  }
});

test('a payment posted just before the browser is killed reaches the server once when the app is opened again', async ({ server, admin }) => {
  const profile = newProfileDir();
  try {
    const browser = await launchOnProfile(profile.dir);
    await postPaymentOffline(browser, server, admin, 'Killed Browser Telecom', 'Wire killed');
    await browser.kill();
    await reopenAndSync(profile.dir, server, admin, 'Killed Browser Telecom', 'Wire killed');
  } finally {
    profile.remove();
  }
});

test('a bulk edit followed at once by an offline reload is still there, and reaches the server when back online', async ({ isolated: { server, admin, page } }) => {
  test.slow();
  await admin.api.postOk('/api/sample-data', { count: 300 });
  await page.goto('/');
  await customersShown(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(page.getByText('300 customers')).toBeVisible();
  await bulkSetStatus(page, 300, 'Inactive');
  // "Updated" is the app saying the change is saved on this device; reload at once after it.
  await expect(page.getByText('Updated 300 customers')).toBeVisible({ timeout: appTimeout() });

  await page.route('**/api/replicache/**', (route) => route.abort('internetdisconnected'));
  await page.context().setOffline(true);
  await page.reload();
  await customersShown(page, { offline: true });
  await expect(page.getByRole('row').getByText('Inactive', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('row').getByText('Active', { exact: true })).toHaveCount(0);

  await page.unroute('**/api/replicache/**');
  await page.context().setOffline(false);
  const inactive = async () => {
    const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from customers where status = 'inactive'`;
      return row!.n;
    } finally {
      await sql.end();
    }
  };
  await expect.poll(inactive, { timeout: appTimeout() }).toBe(300);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: appTimeout() });
});
