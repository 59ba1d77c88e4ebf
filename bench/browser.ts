import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type { ApiClient } from '../server/test/api-client.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../client/e2e/chromium.js';

/** Headless Chromium with the flags the browser tests use on this kind of machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // performance.memory reports exact (not bucketed) numbers with the last flag.
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}

/**
 * A new, empty browser profile (a fresh device) already signed in as `api`'s user:
 * the session cookie of an API login, so the page opens straight on the customers.
 */
export async function signedInContext(browser: Browser, baseUrl: string, api: ApiClient): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 } });
  const [name, value] = api.sessionCookie.split('=');
  // tsx keeps function names with a `__name` helper that page.evaluate'd functions do not carry along.
  await context.addInitScript('globalThis.__name = (f) => f;');
  await context.addCookies([{ name: name!, value: value!, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** The count text of the toolbar once `n` customers are in the index and on screen ("100,000 customers"). */
export function countText(n: number): string {
  return `${n.toLocaleString('en')} customer${n === 1 ? '' : 's'}`;
}

/**
 * Milliseconds from navigation start until the toolbar shows `text`, sampled every frame
 * in the page: the moment a user would see every customer counted.
 */
export async function waitForCountText(page: Page, text: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    (wanted) => {
      for (const el of document.querySelectorAll('p')) if (el.textContent === wanted) return performance.now();
      return false;
    },
    text,
    { polling: 'raf', timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

/** Used JS heap of the page after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Start time (ms since navigation) of the latest performance mark called `name` after `after`, or null. */
export async function markAfter(page: Page, name: string, after: number): Promise<number | null> {
  return page.evaluate(
    ([n, a]) => {
      const marks = performance.getEntriesByName(n, 'mark').filter((m) => m.startTime > a);
      return marks.length > 0 ? marks[marks.length - 1]!.startTime : null;
    },
    [name, after] as const,
  );
}
