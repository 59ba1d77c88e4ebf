import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ApiClient, TEST_PASSWORD } from '../../server/test/api-client.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export { expect };

export interface Account {
  email: string;
  password: string;
  api: ApiClient;
}

type WorkerFixtures = { server: ServerProcess; admin: Account };
/** A server of its own with an admin signed in, for tests that need to know everything in the database. */
export interface Isolated {
  server: ServerProcess;
  admin: Account;
  page: Page;
}

type TestFixtures = { signedIn: Page; isolated: Isolated };

/** Sets up the organisation through the API once per worker server. */
async function setupOrganisation(url: string): Promise<Account> {
  const api = new ApiClient(url);
  const email = 'admin@carrier.example';
  await api.postOk('/api/auth/setup', { organisation: 'Example Carrier', name: 'Ada Admin', email, password: TEST_PASSWORD });
  return { email, password: TEST_PASSWORD, api };
}

/** Creates a user with `role` through the admin API. */
export async function addAccount(admin: Account, role: 'admin' | 'operator' | 'viewer', email: string): Promise<Account> {
  await admin.api.postOk('/api/users', { name: `Test ${role}`, email, role, password: TEST_PASSWORD });
  const api = new ApiClient(admin.api.baseUrl);
  await api.postOk('/api/auth/login', { email, password: TEST_PASSWORD });
  return { email, password: TEST_PASSWORD, api };
}

/** A browser context already signed in as `account` (session cookie from an API login). */
export async function contextFor(browser: Browser, server: ServerProcess, account: Account): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.url });
  const [name, value] = account.api.sessionCookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/**
 * How long a step may wait for the app's own work (a first load, a sync round trip): half the
 * test's time. On a busy machine that is what varies, by far more than the 10 s an
 * assertion gets by default.
 */
export function appTimeout(): number {
  return test.info().timeout / 2;
}

const html = (page: Page) => page.locator('html');

/** Waits until the app shows `screen` (see client/app/readiness.ts). */
export async function screenShown(page: Page, screen: 'setup' | 'sign-in' | 'app'): Promise<void> {
  await expect(html(page)).toHaveAttribute('data-screen', screen, { timeout: appTimeout() });
}

/** Waits until this page's replica is open and has received a complete pull. */
export async function synced(page: Page): Promise<void> {
  await expect(html(page)).toHaveAttribute('data-synced', 'true', { timeout: appTimeout() });
}

/** Waits until the customer page shows the local data and, unless offline, has synced with the server. */
export async function customersShown(page: Page, { offline = false } = {}): Promise<void> {
  await expect(html(page)).toHaveAttribute('data-customers', 'ready', { timeout: appTimeout() });
  if (!offline) await synced(page);
}

/** Opens the customer page and waits until it shows what the server has. */
export async function openCustomers(page: Page): Promise<void> {
  await page.goto('/');
  await customersShown(page);
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServerProcess();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  admin: [async ({ server }, use) => use(await setupOrganisation(server.url)), { scope: 'worker' }],
  baseURL: async ({ server }, use) => use(server.url),
  isolated: async ({ browser }, use) => {
    const server = await startServerProcess();
    const admin = await setupOrganisation(server.url);
    const context = await contextFor(browser, server, admin);
    const page = await context.newPage();
    await use({ server, admin, page });
    await context.close();
    await server.stop();
  },
  signedIn: async ({ browser, server, admin }, use) => {
    const context = await contextFor(browser, server, admin);
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});
