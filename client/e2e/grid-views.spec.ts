import type { Page } from '@playwright/test';
import { appTimeout, contextFor, customersShown, expect, openCustomers, test } from './fixtures.js';

/** The grid's columns as shown, left to right. */
const headers = (page: Page) =>
  page.locator('thead th[data-accessor]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-accessor')).filter((id) => id !== '__selection__'));
const header = (page: Page, id: string) => page.locator(`thead th[data-accessor="${id}"]`);
const matchCount = (page: Page) => page.getByText(/^\d+ match$/);

async function openFilters(page: Page) {
  await page.getByRole('button', { name: 'Filters' }).click();
  return page.getByRole('dialog', { name: 'Filters' });
}

test('a view built by hand (columns hidden, moved and resized, two filters in an OR group, two sort levels) is saved and survives an offline reload; back and forward step through it', async ({
  isolated: { admin, page },
}) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  await openCustomers(page);
  await expect(page.getByText('300 customers')).toBeVisible();

  // Hide Tags, show Available balance.
  await page.getByRole('button', { name: /^Columns/ }).click();
  await page.getByRole('checkbox', { name: 'Tags' }).uncheck();
  await page.getByRole('checkbox', { name: 'Available' }).check();
  await page.keyboard.press('Escape');
  await expect(header(page, 'tags')).toHaveCount(0);
  await expect(header(page, 'availableBalance')).toBeVisible();

  // Move Status in front of Credit by dragging its title.
  await header(page, 'status').locator('.mantine-datatable-header-cell-draggable').dragTo(header(page, 'credit').locator('.mantine-datatable-header-cell-draggable'));
  await expect.poll(async () => (await headers(page)).indexOf('status') < (await headers(page)).indexOf('credit')).toBe(true);

  // Widen the name column by pulling its edge (the table's resize takes the width from the next column, down to 50 px).
  const nameWidth = async () => (await header(page, 'name').boundingBox())!.width;
  const before = await nameWidth();
  const handle = (await header(page, 'name').locator('.mantine-datatable-header-resizable-handle').boundingBox())!;
  // The handle straddles the border; its left half is the name column's own.
  await page.mouse.move(handle.x + 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 50, handle.y + handle.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(nameWidth).toBeGreaterThan(before + 30);
  await expect.poll(() => new URL(page.url()).searchParams.get('cols') ?? '').toMatch(/name:\d+/);

  // Two one-click filters, any of them.
  const filters = await openFilters(page);
  await filters.getByRole('checkbox', { name: 'Cannot dial' }).check();
  await filters.getByRole('checkbox', { name: 'No Routing Set' }).check();
  await page.keyboard.press('Escape');
  await page.getByText('Any of', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Any of' })).toBeChecked();
  await expect(matchCount(page)).toBeVisible();
  const matching = await matchCount(page).textContent();

  // Status, then available balance from the highest.
  await header(page, 'status').click();
  await header(page, 'availableBalance').click({ modifiers: ['Shift'] });
  await header(page, 'availableBalance').click({ modifiers: ['Shift'] });
  await expect(header(page, 'availableBalance')).toContainText('2');
  const firstRows = await page.locator('tbody tr').evaluateAll((trs) => trs.slice(0, 5).map((tr) => tr.textContent));

  await saveView(page, 'Morning check');
  const shown = await headers(page);
  expect(shown).not.toContain('tags');

  // Offline, a reload keeps the whole view: it is in the URL and the views are on the device.
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: appTimeout() });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.context().setOffline(true);
  await page.reload();
  await customersShown(page, { offline: true });
  await expect(page.getByRole('button', { name: 'View: Morning check' })).toBeVisible();
  await expect(matchCount(page)).toHaveText(matching!);
  expect(await headers(page)).toEqual(shown);
  expect(await page.locator('tbody tr').evaluateAll((trs) => trs.slice(0, 5).map((tr) => tr.textContent))).toEqual(firstRows);

  // Back goes to the grid as it was before it was saved (a page loaded again from the service worker), forward returns.
  await page.goBack();
  await customersShown(page, { offline: true });
  await expect(page.getByRole('button', { name: 'Views' })).toBeVisible();
  await page.goForward();
  await customersShown(page, { offline: true });
  await expect(page.getByRole('button', { name: 'View: Morning check' })).toBeVisible();
  expect(await headers(page)).toEqual(shown);
});

async function saveView(page: Page, name: string, { makeDefault = false } = {}) {
  await page.getByRole('button', { name: /^View/ }).click();
  await page.getByRole('menuitem', { name: 'Save as a new view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this view' });
  await dialog.getByLabel('Name').fill(name);
  if (makeDefault) await dialog.getByRole('checkbox', { name: 'Open this view when I open the customers' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: `View: ${name}` })).toBeVisible();
}

test('a saved view reaches the user\'s other devices: its link opens it, the plain address opens the default, and the views menu switches between views', async ({
  browser,
  isolated: { server, admin, page },
}) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  // A view as a link carries it: columns, sort, filters.
  const debtors = '/?cols=name,availableBalance,status&sort=status,-availableBalance&filters=' + encodeURIComponent(JSON.stringify([{ type: 'number', field: 'credit', op: 'lt', value: 0 }]));
  await page.goto(debtors);
  await customersShown(page);
  await expect(matchCount(page)).toBeVisible();
  const matching = await matchCount(page).textContent();
  await saveView(page, 'Debtors', { makeDefault: true });
  const link = page.url();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: appTimeout() });

  const other = await contextFor(browser, server, admin);
  try {
    const second = await other.newPage();
    await second.goto('/');
    await customersShown(second);
    await expect(second.getByRole('button', { name: 'View: Debtors' })).toBeVisible();
    await expect(matchCount(second)).toHaveText(matching!);
    expect(await headers(second)).toEqual(['name', 'availableBalance', 'status']);

    // The standard view, then the saved one again from the menu; the link opens it too.
    await second.getByRole('button', { name: 'View: Debtors' }).click();
    await second.getByRole('menuitem', { name: 'Standard view' }).click();
    await expect(second.getByText('300 customers')).toBeVisible();
    await second.getByRole('button', { name: 'Views' }).click();
    await second.getByRole('menuitem', { name: /Debtors/ }).click();
    await expect(matchCount(second)).toHaveText(matching!);
    await second.goto(link);
    await customersShown(second);
    await expect(matchCount(second)).toHaveText(matching!);
  } finally {
    await other.close();
  }
});
