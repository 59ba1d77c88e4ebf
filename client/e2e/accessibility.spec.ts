import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openCustomers, test } from './fixtures.js';

/** What blocks people: axe's "serious" and "critical" findings, each with the elements to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousViolations(page), `serious or critical axe violations on ${what}`).toEqual([]);
}

test('the customer page, the card and the Filters, Columns and Views menus have no serious accessibility violations', async ({
  isolated: { admin, page },
}) => {
  // Six full axe runs over a page of rows: up to half a minute each on a busy machine.
  test.slow();
  await admin.api.postOk('/api/sample-data', { count: 300 });
  await openCustomers(page);
  await expect(page.getByText('300 customers')).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page, 'the customer grid');

  const name = await page.getByRole('row').nth(1).getByRole('button').first().innerText();
  await page.getByRole('row').nth(1).getByRole('button', { name, exact: true }).click();
  const card = page.getByRole('dialog', { name });
  await expect(card.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
  await expectAccessible(page, 'the customer card');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  // The popovers take the focus, so Escape closes them and gives it back to their button.
  const filters = page.getByRole('button', { name: 'Filters' });
  await filters.click();
  await expect(page.getByRole('dialog', { name: 'Filters' }).getByRole('checkbox', { name: 'Cannot dial' })).toBeFocused();
  await expectAccessible(page, 'the Filters popover');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Filters' })).toBeHidden();
  await expect(filters).toBeFocused();

  await page.getByRole('button', { name: /^Columns \(\d+\)$/ }).click();
  await expect(page.getByRole('group', { name: 'Columns shown' })).toBeVisible();
  await expectAccessible(page, 'the Columns popover');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Views' }).click();
  await expect(page.getByRole('menuitem', { name: 'Save as a new view…' })).toBeVisible();
  await expectAccessible(page, 'the Views menu');
  await page.getByRole('menuitem', { name: 'Save as a new view…' }).click();
  await expect(page.getByRole('dialog', { name: 'Save this view' })).toBeVisible();
  await expectAccessible(page, 'the Save view dialog');
});
