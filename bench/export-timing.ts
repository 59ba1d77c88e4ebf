import type { Page } from '@playwright/test';
import type { ExportFormat } from '../client/customer-export/export-writer.js';

/** One export of the whole view: from the menu click to the file, and the page's longest frame meanwhile. */
export interface ExportRun {
  ms: number;
  /** The longest gap between two animation frames while the file was being made: how long the page stopped answering. */
  longestFrameMs: number;
}

const ITEM: Record<ExportFormat, string> = { csv: 'Export view as CSV', xlsx: 'Export view as XLSX' };

/**
 * Frame gaps noted from just before the click until stopped: a page that keeps answering
 * draws a frame every ~16 ms; a long task shows as one long gap.
 */
const WATCH_FRAMES = `(() => {
  const w = window;
  const state = { last: performance.now(), longest: 0, on: true };
  const frame = (now) => {
    state.longest = Math.max(state.longest, now - state.last);
    state.last = now;
    if (state.on) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  w.__frames = state;
})()`;

/**
 * Exports the page's current view (every matching customer, the visible columns) `runs`
 * times through the Export menu, as a user would, and times each from the menu item's
 * click to the download. The page must show the customers grid.
 */
export async function measureExport(page: Page, format: ExportFormat, runs: number): Promise<ExportRun[]> {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  const out: ExportRun[] = [];
  for (let i = 0; i < runs; i++) {
    // The last export's notification may cover the button: the click goes to the button itself.
    await button.dispatchEvent('click');
    const item = page.getByRole('menuitem', { name: ITEM[format] });
    await item.waitFor();
    await page.evaluate(WATCH_FRAMES);
    const started = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), item.click()]);
    const ms = performance.now() - started;
    const longestFrameMs = await page.evaluate(() => {
      const state = (window as unknown as { __frames: { on: boolean; longest: number } }).__frames;
      state.on = false;
      return state.longest;
    });
    await download.delete();
    // The next export only once this one has finished (the button is busy until then).
    await page.waitForFunction(() => document.querySelector('button[aria-busy="true"]') === null);
    out.push({ ms, longestFrameMs });
  }
  return out;
}
