import type { Page } from '@playwright/test';
import { heapAfterGc } from './browser.js';

export interface StoreSize {
  /** IndexedDB usage the browser reports for the origin (navigator.storage.estimate().usageDetails.indexedDB). */
  idbUsage: number;
  /** Bytes of the values held in IndexedDB, as JSON: the logical size, without the database's own overhead. */
  idbValueBytes: number;
  /** Used JS heap of the page after a full garbage collection. */
  heap: number;
}

/** Waits until a persist has started after the latest commit: everything the page holds is in IndexedDB. */
export async function waitUntilPersisted(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const committed = performance.getEntriesByName('trunkline:committed', 'mark').at(-1)?.startTime ?? 0;
      const persisted = performance.getEntriesByName('trunkline:persist', 'measure').at(-1);
      return persisted !== undefined && persisted.startTime > committed;
    },
    undefined,
    { polling: 100, timeout: timeoutMs },
  );
}

/** What the open page's local store costs once everything is persisted. */
export async function measureStoreSize(page: Page): Promise<StoreSize> {
  await waitUntilPersisted(page);
  const cdp = await page.context().newCDPSession(page);
  const heap = await heapAfterGc(cdp);
  await cdp.detach();
  const { idbUsage, idbValueBytes } = await page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    let bytes = 0;
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      for (const storeName of db.objectStoreNames) {
        await new Promise<void>((res, rej) => {
          const req = db.transaction(storeName, 'readonly').objectStore(storeName).openCursor();
          req.onsuccess = () => {
            const cursor = req.result;
            if (!cursor) return res();
            bytes += JSON.stringify(cursor.key).length + JSON.stringify(cursor.value).length;
            cursor.continue();
          };
          req.onerror = () => rej(req.error);
        });
      }
      db.close();
    }
    return { idbUsage: estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0, idbValueBytes: bytes };
  });
  return { idbUsage, idbValueBytes, heap };
}
