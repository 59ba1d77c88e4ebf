import type { Browser } from '@playwright/test';
import type { ApiClient } from '../server/test/api-client.js';
import type { BenchEnvironment } from './bench-server.js';
import { openFreshDevice } from './first-sync.js';

export interface PageSizeRun {
  pageSize: number;
  ms: number;
}

/**
 * The first sync of `n` customers with different pull page sizes (the server's
 * PULL_PAGE_SIZE), each against its own server process on the same database.
 */
export async function measurePageSizes(env: BenchEnvironment, browser: Browser, api: ApiClient, n: number, sizes: readonly number[]): Promise<PageSizeRun[]> {
  const out: PageSizeRun[] = [];
  for (const pageSize of sizes) {
    const server = await env.startServer({ PULL_PAGE_SIZE: String(pageSize) });
    try {
      // The session lives in the database, so the same sign-in works on every server.
      const device = await openFreshDevice(browser, server.url, api, n);
      out.push({ pageSize, ms: device.run.ms });
      await device.close();
    } finally {
      await server.stop();
    }
  }
  return out;
}
