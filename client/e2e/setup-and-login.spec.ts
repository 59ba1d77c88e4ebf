import { expect, test } from '@playwright/test';
import { customersShown, screenShown } from './fixtures.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

// This file needs an empty database, so it runs its own server instead of the worker's.
let server: ServerProcess;
test.beforeAll(async () => {
  server = await startServerProcess();
});
test.afterAll(async () => {
  await server.stop();
});

test('first start shows set-up, creates the admin, and sign-in works afterwards', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await screenShown(page, 'setup');

  await expect(page.getByRole('heading', { name: 'Set up Trunkline' })).toBeVisible();
  await page.getByLabel('Organisation').fill('Nordic Carrier AB');
  await page.getByLabel('Your name').fill('Ada Admin');
  await page.getByLabel('Email').fill('ada@nordic.example');
  await page.getByRole('textbox', { name: 'Password' }).fill('short');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Passwords are at least 12 characters')).toBeVisible();
  await page.getByRole('textbox', { name: 'Password' }).fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create administrator' }).click();

  // Signed in on an empty customer page that offers sample data.
  await customersShown(page);
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeVisible();

  // Sign out: the sign-in page, not set-up, comes back.
  await page.getByRole('button', { name: 'Account: Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await page.getByLabel('Email').fill('ada@nordic.example');
  await page.getByRole('textbox', { name: 'Password' }).fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is wrong')).toBeVisible();

  await page.getByRole('textbox', { name: 'Password' }).fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await customersShown(page);
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeVisible();

  // A second visitor cannot run set-up again.
  const other = await browser.newContext({ baseURL: server.url });
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  await screenShown(otherPage, 'sign-in');
  await expect(otherPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await other.close();
  await context.close();
});
