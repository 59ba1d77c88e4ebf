import type { Page } from '@playwright/test';
import type postgres from 'postgres';
import { BULK_TAG, bulkSentinel, storedStatusIs, storedWithStatus } from './bulk-selection.js';
import { clickOf, gridStatusAt, pendingClearedAt, textShownAt, visibleAt, watchClick, watchGridStatus, watchPendingCleared, watchText } from './grid-watch.js';

export interface BulkEditRun {
  status: string;
  /** Apply click until the first paint in which the rows on screen show the new status. */
  visibleMs: number;
  /** Apply click until the DOM rows show it (before style, layout and paint). */
  visibleDomMs: number;
  /** Apply click until the "Updated N customers" notification: the change is durable on this device. */
  savedMs: number;
  /** Apply click until the sync indicator's pending count is back at 0 (the server acknowledged it). */
  acknowledgedMs: number;
  /** Apply click until the server's database holds the new status for all N (polled every 20 ms). */
  storedMs: number;
  /** Apply click until a second device, open on the same filter, shows the new status. */
  secondClientMs: number;
}

const STATUS_ROTATION = [
  { value: 'inactive', label: 'Inactive' },
  { value: 'pending_approval', label: 'Pending approval' },
];

/** Filters both pages down to the tagged customers; on `page`, selects all N matching. */
export async function prepareBulkEdit(page: Page, second: Page, n: number): Promise<void> {
  for (const p of [page, second]) await p.getByRole('textbox', { name: 'Search customers' }).fill(BULK_TAG);
  for (const p of [page, second]) await p.getByText(`${n.toLocaleString('en')} match`, { exact: true }).waitFor();
  await page.getByRole('checkbox', { name: 'Select all customers on this page' }).check();
  await page.getByRole('button', { name: `Select all ${n.toLocaleString('en')} matching` }).click();
  await page.getByText(`${n.toLocaleString('en')} selected`, { exact: true }).waitFor();
}

/**
 * One bulk edit of the N selected customers' status through the Bulk edit dialog, timed
 * on this device, on the server and on a second device.
 */
export async function measureBulkEdit(
  page: Page,
  second: Page,
  sql: postgres.Sql,
  n: number,
  run: number,
  /** Runs just before the Apply click (e.g. to start a profiler). */
  beforeApply?: () => Promise<void>,
): Promise<BulkEditRun> {
  const status = STATUS_ROTATION[run % STATUS_ROTATION.length]!;
  await page.getByRole('button', { name: 'Bulk edit' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Status', { exact: true }).click();
  await page.getByRole('option', { name: status.label, exact: true }).click();
  await dialog.getByRole('checkbox', { name: 'Change status' }).waitFor();

  const key = `run${run}`;
  const saved = `Updated ${n.toLocaleString('en')} customers`;
  await watchGridStatus(page, key, status.label);
  await watchGridStatus(second, key, status.label);
  await watchPendingCleared(page);
  await watchText(page, key, saved);
  const sentinel = await bulkSentinel(sql);
  await watchClick(page, 'Apply');
  await beforeApply?.();
  await dialog.getByRole('button', { name: 'Apply' }).click();

  // The server's side, polled from here: same clock as the pages' epoch timestamps. One
  // customer's row is polled (a primary-key lookup): counting all N each time scans the
  // table, and polling that every 20 ms kept a core of this 2-core machine busy.
  let storedAt = 0;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await storedStatusIs(sql, sentinel, status.value)) {
      storedAt = Date.now();
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (storedAt === 0) throw new Error('The server never stored the bulk edit');
  const [click, shown, savedAt, acknowledged, secondShown] = await Promise.all([
    clickOf(page),
    gridStatusAt(page, key),
    textShownAt(page, key),
    pendingClearedAt(page),
    gridStatusAt(second, key),
  ]);
  // Checked once everything is shown, so that its table scan does not slow what is measured.
  const stored = await storedWithStatus(sql, status.value);
  if (stored !== n) throw new Error(`The server stored the new status for ${stored} of ${n} customers`);
  const clicked = click.at;
  const secondAt = secondShown.painted;
  return {
    status: status.value,
    visibleMs: visibleAt(click, shown) - clicked,
    visibleDomMs: shown.committed - clicked,
    savedMs: savedAt - clicked,
    acknowledgedMs: acknowledged - clicked,
    storedMs: storedAt - clicked,
    secondClientMs: secondAt - clicked,
  };
}
