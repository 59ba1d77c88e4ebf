import postgres from 'postgres';
import { expect, openCustomers, test } from './fixtures.js';

/** The first word most customers' names share ("Alpine Voice GmbH", "Alpine Telecom"): a search with several rows. */
async function commonFirstWord(databaseUrl: string): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [top] = await sql<{ word: string }[]>`
      select split_part(name, ' ', 1) as word from customers group by 1 order by count(*) desc, 1 limit 1`;
    return top!.word;
  } finally {
    await sql.end();
  }
}

test('the grid from the keyboard alone: "/" goes to the search, the arrows move between rows, Space selects a row and Enter opens its card', async ({
  isolated: { server, admin, page },
}) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  const word = await commonFirstWord(server.databaseUrl);
  await openCustomers(page);
  await expect(page.getByText('300 customers')).toBeVisible();
  const rows = page.getByRole('row');

  const search = page.getByRole('textbox', { name: 'Search customers' });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type(word);
  await expect(page.getByText(/^\d+ match$/)).toBeVisible();
  await expect(search).toHaveValue(word);

  // ArrowDown leaves the search for the rows; one row at a time is in the tab order, ringed.
  const first = rows.nth(1);
  const second = rows.nth(2);
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('tabindex', '0');
  await expect(first).toHaveAttribute('tabindex', '-1');
  await expect(page.locator('tbody tr[tabindex="0"]')).toHaveCount(1);
  await expect(second).toHaveCSS('outline-style', 'solid');
  // The checkbox cell stays put while the row scrolls sideways, over the row's outline: it draws the ring too.
  await expect(second.getByRole('cell').first()).toHaveCSS('box-shadow', /inset/);

  const name = await second.getByRole('button').first().innerText();
  await page.keyboard.press('Space');
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
  await expect(second.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked();

  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name });
  await expect(card.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
  // Closing the card brings the focus back to the row it was opened from.
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(second).toBeFocused();

  // In the search box "/" is a character like any other.
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('/');
  await expect(search).toHaveValue(`${word}/`);
});
