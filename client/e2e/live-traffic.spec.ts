import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { appTimeout, expect, openCustomers, test } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The real `npm run simulate` against the test server, stopped like Ctrl-C at the end. */
function startSimulator(url: string, email: string, password: string): ChildProcess {
  const args = ['--import', 'tsx', 'scripts/simulate/simulate.ts', '--url', url, '--email', email, '--password', password];
  args.push('--rate', '12', '--customers', '4', '--speed', '20', '--seed', 'browser-test', '--profile-mix', 'healthy=1', '--duration', '120');
  return spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
}

/** Each grid row's cell texts, by customer name. */
async function gridRows(page: Page): Promise<Map<string, string[]>> {
  const rows = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  return new Map(rows.map((cells) => [cells.find((c) => c.length > 0 && !/^\d/.test(c)) ?? '', cells]));
}

test('simulator traffic makes ASR, channels and last call appear and change in the grid without a reload', async ({ isolated }) => {
  test.slow();
  const { server, admin, page } = isolated;
  await admin.api.postOk('/api/sample-data', { count: 4 });
  await openCustomers(page);
  const table = page.locator('tbody');
  await expect(table.locator('tr')).toHaveCount(4);
  // Before any traffic no row has an ASR.
  expect((await table.textContent()) ?? '').not.toMatch(/\d%/);

  const simulator = startSimulator(server.url, admin.email, admin.password);
  try {
    // Figures arrive by themselves: an ASR percentage, calls up now ("n / limit" with n > 0, or n alone) and a recent last call.
    await expect
      .poll(async () => [...(await gridRows(page)).values()].filter((cells) => cells.some((c) => /^\d+(\.\d)?%$/.test(c)) && cells.some((c) => /just now|s ago|min ago/.test(c))).length, { timeout: appTimeout() })
      .toBeGreaterThan(0);
    const headers = await page.locator('thead th').allTextContents();
    const channels = headers.findIndex((h) => /channels/i.test(h));
    expect(channels).toBeGreaterThan(-1);
    await expect
      .poll(async () => (await table.locator(`td:nth-child(${channels + 1})`).allTextContents()).filter((t) => /^[1-9]\d*( \/ \d+)?$/.test(t.trim())).length, { timeout: appTimeout() })
      .toBeGreaterThan(0);
    const before = await table.textContent();
    // And keep changing as calls come and go.
    await expect.poll(async () => (await table.textContent()) !== before, { timeout: appTimeout() }).toBe(true);
  } finally {
    simulator.kill('SIGINT');
  }
});
