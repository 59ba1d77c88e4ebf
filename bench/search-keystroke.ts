import type { Page } from '@playwright/test';

/**
 * Keys typed, each into an empty search box: the heaviest case (every customer is
 * scanned). Rare letters, so the first page of rows always changes; common ones (every
 * sample e-mail ends in ".example") can leave the first page as it was.
 */
export const SEARCH_KEYS = ['q', 'z', 'q', 'z', 'q'];

/**
 * Types one character into the search box and times, in the page, from the keystroke's
 * input event to the first paint after the grid's rows changed.
 */
export async function timeKeystroke(page: Page, char: string, timeoutMs = 10_000): Promise<number> {
  const box = page.getByRole('textbox', { name: 'Search customers' });
  await box.evaluate((input, limit) => {
    const w = window as unknown as { __keystroke?: Promise<number | null> };
    w.__keystroke = new Promise<number | null>((resolve) => {
      const table = document.querySelector('table');
      if (!table) return resolve(null);
      let inputAt = 0;
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, limit);
      const observer = new MutationObserver(() => {
        if (inputAt === 0) return;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - inputAt);
          ch.port2.postMessage(null);
        });
      });
      observer.observe(table, { subtree: true, childList: true, characterData: true });
      input.addEventListener('input', (e) => (inputAt = e.timeStamp), { once: true });
    });
  }, timeoutMs);
  await box.press(char);
  const ms = await page.evaluate(() => (window as unknown as { __keystroke: Promise<number | null> }).__keystroke);
  if (ms === null) throw new Error(`Typing "${char}" did not change the grid`);
  return ms;
}

/** Times `runs` keystrokes (SEARCH_KEYS in turn), each into a cleared search box showing all `total` customers. */
export async function measureSearch(page: Page, total: string, runs = SEARCH_KEYS.length): Promise<number[]> {
  const box = page.getByRole('textbox', { name: 'Search customers' });
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const char = SEARCH_KEYS[i % SEARCH_KEYS.length]!;
    await box.fill('');
    await page.getByText(total, { exact: true }).waitFor();
    out.push(await timeKeystroke(page, char));
  }
  await box.fill('');
  return out;
}
