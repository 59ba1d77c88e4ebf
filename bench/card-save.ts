import type { Page } from '@playwright/test';

/**
 * Card save to dialog closed: the customer card of one customer is opened (found through
 * the search box), its Channels changed and "Save changes" clicked; timed in the page
 * from the click event to the first paint without the dialog. Each save starts while the
 * previous ones may still be persisting or pushing, as a user's next edit would.
 */
export interface CardSave {
  /** Click to the first paint without the dialog. */
  closedMs: number;
  /** Click to the app's `trunkline:saved` mark: committed locally and journalled. */
  savedMs: number;
}

export async function measureCardSave(page: Page, name: string, channels: number): Promise<CardSave> {
  await page.getByRole('textbox', { name: 'Search customers' }).fill(name);
  await page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) }).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Channels' }).fill(String(channels));
  const save = dialog.getByRole('button', { name: 'Save changes' });
  await save.evaluate((button) => {
    const w = window as unknown as { __saveTiming?: Promise<{ closedMs: number; savedMs: number }> };
    w.__saveTiming = new Promise((resolve) => {
      button.addEventListener(
        'click',
        (event) => {
          const clickedAt = event.timeStamp;
          // The dialog closes before the change is journalled: "saved" is its mark, whenever it comes.
          const saved = new Promise<number>((resolveSaved) => {
            const marks = new PerformanceObserver((list) => {
              const mark = list.getEntriesByName('trunkline:saved').find((m) => m.startTime > clickedAt);
              if (!mark) return;
              marks.disconnect();
              resolveSaved(mark.startTime - clickedAt);
            });
            marks.observe({ type: 'mark' });
          });
          const whenSaved = (closedMs: number) => void saved.then((savedMs) => resolve({ closedMs, savedMs }));
          const observer = new MutationObserver(() => {
            if (document.querySelector('[role="dialog"]')) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => whenSaved(performance.now() - clickedAt), 0));
          });
          observer.observe(document.body, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  });
  await save.click();
  const timing = await page.evaluate(() => (window as unknown as { __saveTiming: Promise<CardSave> }).__saveTiming);
  await dialog.waitFor({ state: 'hidden' });
  return timing;
}

