import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import type postgres from 'postgres';
import { measureCardSave } from './card-save.js';

/**
 * Reconnect to pushed: with the device offline, one customer's card is saved (the app says
 * saved), then the connection comes back; timed from going online until the server's
 * database holds the change (polled every 20 ms). One run per name.
 */
export async function measureReconnect(page: Page, sql: postgres.Sql, names: readonly string[]): Promise<number[]> {
  const out: number[] = [];
  for (const [i, name] of names.entries()) {
    const channels = 300 + i;
    await page.context().setOffline(true);
    await measureCardSave(page, name, channels);
    const online = Date.now();
    await page.context().setOffline(false);
    for (;;) {
      const [row] = await sql<{ channels: number }[]>`select channels from customers where name = ${name}`;
      if (row?.channels === channels) break;
      await delay(20);
    }
    out.push(Date.now() - online);
  }
  return out;
}
