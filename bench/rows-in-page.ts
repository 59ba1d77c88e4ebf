import type { Page } from '@playwright/test';

/**
 * In-page timing of a change to a grid's rows, shared by our grid and AG Grid so both are
 * timed the same way: from just before the change is made (a URL change, an API call)
 * to the first paint that shows the first rows as they are once the change has settled.
 * A MutationObserver notices each DOM change; once the first rows read as expected,
 * requestAnimationFrame runs just before the paint and a message posted from there is
 * delivered after it. Comparing with the settled rows, rather than taking the first
 * mutation, keeps a partial render (a header redrawn first, a grid filling its cells a
 * frame later) from ending the clock early.
 */

/** How the first rows are read: our grid's table rows in DOM order, or AG Grid's rows by their row index. */
export type RowsKind = 'table' | 'ag-grid';

/** What the page holds once `installRowsTiming` ran (`window.__rows`). */
export interface RowsInPage {
  /** The text of the first rows shown. */
  read(): string;
  /** Makes the change and resolves with the settled first rows (unchanged for several frames); rejects when they never change. */
  settle(act: () => void): Promise<string>;
  /** Makes the change and resolves with the milliseconds until the first paint showing `expected`. */
  time(expected: string, act: () => void): Promise<number>;
  /** Resolves once the main thread is idle: the next change starts on a quiet page. */
  quiet(): Promise<void>;
}

/** The rows read: enough to tell two views apart, few enough to read on every mutation. */
const FIRST_ROWS = 5;
const TIMEOUT_MS = 30_000;
const STABLE_FRAMES = 5;

/**
 * Plain JavaScript, not a function: the bench runs under tsx, whose transform would wrap
 * the named callbacks of a function passed to the page in a helper the page may lack.
 */
const INSTALL = (kind: RowsKind) => `(() => {
  const kind = ${JSON.stringify(kind)};
  const read = () => {
    let rows;
    if (kind === 'table') {
      rows = [...document.querySelectorAll('table tbody tr')].slice(0, ${FIRST_ROWS});
    } else {
      rows = [...document.querySelectorAll('.ag-row[row-index]')]
        .filter((r) => Number(r.getAttribute('row-index')) < ${FIRST_ROWS})
        .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')));
    }
    return rows.map((r) => r.textContent).join('\\n');
  };
  const afterPaint = (done) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done();
    ch.port2.postMessage(null);
  });
  const settle = (act) => new Promise((resolve, reject) => {
    const before = read();
    const started = performance.now();
    let last = before;
    let same = 0;
    const frame = () => {
      const now = read();
      if (now !== before && now === last) same += 1;
      else same = 0;
      last = now;
      if (same >= ${STABLE_FRAMES}) return resolve(now);
      if (performance.now() - started > ${TIMEOUT_MS}) return reject(new Error('The change did not change the first rows: ' + JSON.stringify(before.slice(0, 200))));
      requestAnimationFrame(frame);
    };
    act();
    requestAnimationFrame(frame);
  });
  const time = (expected, act) => new Promise((resolve, reject) => {
    let start = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('The first rows never read as expected: ' + JSON.stringify(read().slice(0, 200))));
    }, ${TIMEOUT_MS});
    const observer = new MutationObserver(() => {
      if (read() !== expected) return;
      observer.disconnect();
      clearTimeout(timer);
      afterPaint(() => resolve(performance.now() - start));
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    start = performance.now();
    act();
  });
  const quiet = () => new Promise((resolve) => afterPaint(() => requestIdleCallback(() => resolve(), { timeout: 2000 })));
  window.__rows = { read, settle, time, quiet };
})()`;

/** Installs `window.__rows` (RowsInPage) in the page; again after any navigation. */
export async function installRowsTiming(page: Page, kind: RowsKind): Promise<void> {
  await page.evaluate(INSTALL(kind));
}
