import type { Browser, Page } from '@playwright/test';
import type { ApiClient } from '../server/test/api-client.js';
import { countText, signedInContext, waitForCountText } from './browser.js';
import { waitUntilPersisted } from './store-size.js';

export interface FirstSyncRun {
  /** Navigation start until the toolbar counts all N customers (every row in the index, on screen). */
  ms: number;
  /** Navigation start until the last pull page arrived (the client's `trunkline:synced` mark). */
  lastPullMs: number | null;
}

export interface OpenedDevice {
  run: FirstSyncRun;
  page: Page;
  close(): Promise<void>;
}

/**
 * Opens the customers page on a fresh device (empty browser profile, signed in) and times
 * the first full sync of `n` customers. The page stays open for further measurements.
 */
export async function openFreshDevice(browser: Browser, url: string, api: ApiClient, n: number, timeoutMs = 180_000): Promise<OpenedDevice> {
  const context = await signedInContext(browser, url, api);
  const page = await context.newPage();
  await page.goto('/');
  const ms = await waitForCountText(page, countText(n), timeoutMs);
  const lastPullMs = await page.evaluate(() => performance.getEntriesByName('trunkline:synced', 'mark').at(-1)?.startTime ?? null);
  return { run: { ms, lastPullMs }, page, close: () => context.close() };
}

/**
 * Times `runs` first syncs of `n` customers, each on its own fresh device; the last
 * `keep` devices stay open (for the measurements that need a synced page). Each run starts
 * on a quiet machine: a device kept open has finished writing its store first, as a
 * device syncing in the field does not share its cores with another one still writing.
 */
export async function measureFirstSync(
  browser: Browser,
  url: string,
  api: ApiClient,
  n: number,
  runs: number,
  keep = 0,
): Promise<{ runs: FirstSyncRun[]; kept: OpenedDevice[] }> {
  const out: FirstSyncRun[] = [];
  const kept: OpenedDevice[] = [];
  for (let i = 0; i < runs; i++) {
    for (const open of kept) await waitUntilPersisted(open.page);
    const device = await openFreshDevice(browser, url, api, n);
    out.push(device.run);
    if (i >= runs - keep) kept.push(device);
    else await device.close();
  }
  return { runs: out, kept };
}
