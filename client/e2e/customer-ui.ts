import { expect, type Page } from '@playwright/test';
import { appTimeout } from './fixtures.js';
import postgres from 'postgres';

/** Creates a customer through the "+" card, as staff do. */
export async function createCustomerViaUi(page: Page, name: string, currency = 'EUR'): Promise<void> {
  await page.getByRole('button', { name: 'New customer' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('combobox', { name: 'Currency' }).fill(currency);
  await page.getByRole('option', { name: new RegExp(`^${currency}`) }).first().click();
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  // The card closes as soon as the customer shows; "Saved" follows once it is stored on the device.
  await expect(dialog).toBeHidden({ timeout: appTimeout() });
  await expect(page.getByText(`Saved: ${name} created`).first()).toBeVisible({ timeout: appTimeout() });
}

/** Selects all `count` customers matching the grid's filter and sets their status through the Bulk edit dialog. */
export async function bulkSetStatus(page: Page, count: number, status: string): Promise<void> {
  const n = count.toLocaleString('en');
  await page.getByRole('checkbox', { name: 'Select all customers on this page' }).check();
  await page.getByRole('button', { name: `Select all ${n} matching` }).click();
  await expect(page.getByText(`${n} selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Bulk edit' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: 'Change status' }).check();
  await dialog.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: status, exact: true }).click();
  await dialog.getByRole('button', { name: 'Apply' }).click();
}

export async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Search customers' }).fill(text);
}

/** The grid row showing the customer named `name`. */
export function row(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
}

/** Reads the server's copy directly from PostgreSQL: what "the server has it" means. */
export async function serverCustomers(databaseUrl: string, where: { nameLike: string }) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql<{ name: string; status: string; channels: number; deleted_at: Date | null }[]>`
      select name, status, channels, deleted_at from customers where name like ${where.nameLike} order by name`;
  } finally {
    await sql.end();
  }
}
