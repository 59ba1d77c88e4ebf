import type { Page } from '@playwright/test';

/**
 * In-page observers of the customer grid. Each is installed before the action it times
 * and resolves with epoch-ms timestamps (performance.timeOrigin + now). "Painted" is
 * taken after the first paint that shows the awaited state: a MutationObserver notices
 * the DOM change, requestAnimationFrame runs just before the paint, and a message posted
 * from there is delivered after it (later if another task holds the main thread first).
 */

export interface Shown {
  /** The DOM first showed the state (MutationObserver callback). */
  committed: number;
  /** After the next paint (see above). */
  painted: number;
}

/** Installs `window.__gridStatus[key]`: resolves once every row on the page shows `status` in the Status column. */
export async function watchGridStatus(page: Page, key: string, status: string): Promise<void> {
  await page.evaluate(
    ([k, label]) => {
      const w = window as unknown as { __gridStatus?: Record<string, Promise<Shown>> };
      w.__gridStatus ??= {};
      w.__gridStatus[k] = new Promise<Shown>((resolve) => {
        const now = () => performance.timeOrigin + performance.now();
        const table = document.querySelector('table')!;
        const check = () => {
          const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
          const col = headers.indexOf('Status');
          const rows = table.querySelectorAll('tbody tr');
          if (col < 0 || rows.length === 0) return false;
          for (const tr of rows) if (tr.children[col]?.textContent !== label) return false;
          return true;
        };
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          const committed = now();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve({ committed, painted: now() });
            ch.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    [key, status] as const,
  );
}

export async function gridStatusAt(page: Page, key: string): Promise<Shown> {
  return page.evaluate((k) => (window as unknown as { __gridStatus: Record<string, Promise<Shown>> }).__gridStatus[k]!, key);
}

/** Installs `window.__pendingCleared`: resolves when the sync indicator's pending count has been above 0 and is back at 0. */
export async function watchPendingCleared(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __pendingCleared?: Promise<number> };
    w.__pendingCleared = new Promise<number>((resolve) => {
      const el = document.querySelector('[data-testid=sync-indicator]')!;
      let seen = false;
      const observer = new MutationObserver(() => {
        const pending = Number(el.getAttribute('data-pending'));
        if (pending > 0) seen = true;
        else if (seen) {
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      });
      observer.observe(el, { attributes: true, attributeFilter: ['data-pending'] });
    });
  });
}

export async function pendingClearedAt(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __pendingCleared: Promise<number> }).__pendingCleared);
}

export interface Click {
  /** The click event's time. */
  at: number;
  /**
   * The first paint after the click's handlers ran, from the Event Timing API (the
   * browser's own "interaction to next paint", 8 ms resolution); null if under 16 ms.
   */
  nextPaint: number | null;
}

/** Installs `window.__click`: the next click on the button named `name`, and the paint that followed it. */
export async function watchClick(page: Page, name: string): Promise<void> {
  await page.evaluate((label) => {
    const w = window as unknown as { __click?: Promise<Click> };
    w.__click = new Promise<Click>((resolve) => {
      const onClick = (e: Event) => {
        const target = e.target as Element | null;
        if (target?.closest('button')?.textContent?.trim() !== label) return;
        document.removeEventListener('click', onClick, true);
        const at = e.timeStamp;
        let done = false;
        const finish = (paint: number | null) => {
          if (done) return;
          done = true;
          observer.disconnect();
          resolve({ at: performance.timeOrigin + at, nextPaint: paint === null ? null : performance.timeOrigin + paint });
        };
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntries().find((x) => x.name === 'click' && Math.abs(x.startTime - at) < 1);
          if (entry) finish(entry.startTime + entry.duration);
        });
        observer.observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
        // Short interactions are not reported; by then any entry would have arrived.
        setTimeout(() => finish(null), 5000);
      };
      document.addEventListener('click', onClick, true);
    });
  }, name);
}

export async function clickOf(page: Page): Promise<Click> {
  return page.evaluate(() => (window as unknown as { __click: Promise<Click> }).__click);
}

/** When the state was on screen: the paint after the click if the DOM already showed it then, else the paint after it did. */
export function visibleAt(click: Click, shown: Shown): number {
  return click.nextPaint !== null && shown.committed <= click.nextPaint ? click.nextPaint : shown.painted;
}

/** Installs `window.__textShown[key]`: resolves after the first paint showing a new element whose text is `text`. */
export async function watchText(page: Page, key: string, text: string): Promise<void> {
  await page.evaluate(
    ([k, wanted]) => {
      const w = window as unknown as { __textShown?: Record<string, Promise<number>> };
      w.__textShown ??= {};
      const matching = () => [...document.querySelectorAll('p, span, div')].filter((el) => el.childElementCount === 0 && el.textContent === wanted);
      // An earlier notification with the same text may still be on screen: only a new one counts.
      const before = new Set(matching());
      w.__textShown[k] = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!matching().some((el) => !before.has(el))) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
            ch.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    [key, text] as const,
  );
}

export async function textShownAt(page: Page, key: string): Promise<number> {
  return page.evaluate((k) => (window as unknown as { __textShown: Record<string, Promise<number>> }).__textShown[k]!, key);
}
