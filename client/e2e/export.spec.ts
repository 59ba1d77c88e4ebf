import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import type { Download, Page } from '@playwright/test';
import { appTimeout, customersShown, expect, test } from './fixtures.js';

interface Balance {
  name: string;
  credit: number;
  currency: string;
}

async function cannotDial(databaseUrl: string): Promise<Balance[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string; credit: string; currency: string }[]>`
      select name, credit::text, currency from customers where credit + debit_limit <= 0 and deleted_at is null`;
    return rows.map((r) => ({ name: r.name, credit: Number(r.credit), currency: r.currency }));
  } finally {
    await sql.end();
  }
}

const byName = (a: Balance, b: Balance) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The grid's column titles, left to right (the selection column has none). */
async function headerTitles(page: Page): Promise<string[]> {
  const texts = await page.locator('thead th').allInnerTexts();
  return texts.map((t) => t.trim()).filter((t) => t !== '');
}

/** The names on the grid's page, top to bottom, as their selection checkboxes name them. */
async function namesOnScreen(page: Page): Promise<string[]> {
  const labels = await page.locator('tbody').getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace(/^Select /, ''));
}

/** Today on this machine's calendar, before and after a step (a step may cross midnight). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function exportVia(page: Page, item: string): Promise<{ download: Download; days: string[] }> {
  const before = today();
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: appTimeout() }), page.getByRole('menuitem', { name: item }).click()]);
  return { download, days: [before, today()] };
}

test('exporting a filtered view as XLSX gives its customers in its order, with the visible columns in their order', async ({ isolated: { server, admin, page } }) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  const expected = await cannotDial(server.databaseUrl);
  expect(expected.length).toBeGreaterThan(0);

  // Status pinned (first on screen), then Name, Credit and Tags; the Currency column is not shown.
  await page.goto('/?cols=name,credit,^status,tags');
  await customersShown(page);
  await expect(page.getByText('300 customers')).toBeVisible();
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('dialog', { name: 'Filters' }).getByRole('checkbox', { name: 'Cannot dial' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByText(`${expected.length} match`, { exact: true })).toBeVisible();
  expect(await headerTitles(page)).toEqual(['Status', 'Name', 'Credit', 'Tags']);

  const { download, days } = await exportVia(page, 'Export view as XLSX');
  expect(days.map((d) => `customers-${d}.xlsx`)).toContain(download.suggestedFilename());
  await expect(page.getByText(`Exported ${expected.length} customers to ${download.suggestedFilename()}`)).toBeVisible({ timeout: appTimeout() });

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const rows = sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][];
  // The money column brings its currency beside it.
  expect(rows[0]!.slice(1)).toEqual(['Status', 'Name', 'Credit', 'Currency', 'Tags']);
  const exported = rows.slice(1).map((r) => ({ name: r[2] as string, credit: r[3] as number, currency: r[4] as string }));
  expect([...exported].sort(byName)).toEqual([...expected].sort(byName));
  // In the view's order: the file starts with the rows on the grid's first page.
  const onScreen = await namesOnScreen(page);
  expect(exported.slice(0, onScreen.length).map((r) => r.name)).toEqual(onScreen);
  expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
  expect(sheet.getCell('C2').numFmt).toBe(`"${exported[0]!.currency} "#,##0.00##`);
});

test('exporting the selection as CSV gives the selected customers the view shows', async ({ isolated: { admin, page } }) => {
  await admin.api.postOk('/api/sample-data', { count: 300 });
  await page.goto('/');
  await customersShown(page);
  await expect(page.getByText('300 customers')).toBeVisible();
  const onScreen = await namesOnScreen(page);
  const chosen = [onScreen[4]!, onScreen[1]!, onScreen[7]!];
  for (const name of chosen) await page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  await expect(page.getByText('3 selected', { exact: true })).toBeVisible();

  const { download, days } = await exportVia(page, 'Export selection as CSV (3)');
  expect(days.map((d) => `customers-${d}.csv`)).toContain(download.suggestedFilename());
  const parsed = Papa.parse<string[]>(await readFile(await download.path(), 'utf8'), { skipEmptyLines: true });
  expect(parsed.data[0]).toEqual(['Name', 'Credit', 'Currency', ...(await headerTitles(page)).slice(2)]);
  // The view's order, not the order of the clicks.
  expect(parsed.data.slice(1).map((r) => r[0])).toEqual([onScreen[1], onScreen[4], onScreen[7]]);
});
