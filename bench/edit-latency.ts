import { createAdmin, ensureClientBuild, loadSampleCustomers, openBenchEnvironment } from './bench-server.js';
import { launchChromium } from './browser.js';
import { measureCardSave, type CardSave } from './card-save.js';
import { openFreshDevice } from './first-sync.js';
import { describeMachine } from './machine.js';
import { writeBenchmarkSection } from './markdown-sections.js';
import { quantile } from './stats.js';

/**
 * `npx tsx bench/edit-latency.ts [customers] [saves]`: how long "Save changes" on the
 * customer card takes to close the dialog with `customers` (default 100,000) synced, on a
 * device that has just finished its first sync (the first save) and then `saves` (default
 * 20) more in a row. Writes its own section of BENCHMARKS.md. `npm run bench` runs it.
 */
const CUSTOMERS = Number(process.argv[2] ?? 100_000);
const SAVES = Number(process.argv[3] ?? 20);

async function main(): Promise<void> {
  const env = await openBenchEnvironment(ensureClientBuild());
  const browser = await launchChromium();
  try {
    const server = await env.startServer();
    const admin = await createAdmin(server.url);
    await loadSampleCustomers(admin, CUSTOMERS);
    const names = (await env.sql<{ name: string }[]>`select name from customers order by name limit ${SAVES + 1}`).map((r) => r.name);
    const device = await openFreshDevice(browser, server.url, admin, CUSTOMERS);
    const first = await measureCardSave(device.page, names[0]!, 101);
    const rest: CardSave[] = [];
    for (let i = 1; i <= SAVES; i++) rest.push(await measureCardSave(device.page, names[i]!, 100 + i));
    await device.close();

    const all = [first, ...rest];
    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    const line = (label: string, pick: (s: CardSave) => number) => {
      const values = all.map(pick);
      return (
        `| ${label} | ${fmt(pick(first))} | ${fmt(quantile(values, 0.5))} | ${fmt(quantile(values, 0.95))} | ${fmt(Math.max(...values))} | ` +
        `${values.map((ms) => ms.toFixed(0)).join(', ')} |`
      );
    };
    const result = [
      `| ${all.length} saves | first (right after the first sync) | p50 | p95 | max | each |`,
      '|---|---|---|---|---|---|',
      line('click → saved (committed and journalled)', (s) => s.savedMs),
      line('click → dialog gone (first paint)', (s) => s.closedMs),
    ].join('\n');
    console.info(result);
    const m = describeMachine(browser);
    const section = [
      '## Card save to dialog closed',
      '',
      `\`bench/edit-latency.ts\` on ${new Date().toISOString().slice(0, 10)} (${m.cpu}, ${m.cores} cores, Chromium ${m.chromium}): ` +
        `${CUSTOMERS.toLocaleString('en')} customers synced to a fresh browser profile; one customer's card is opened, its Channels ` +
        `changed and "Save changes" clicked, timed in the page from the click event to the first paint without the dialog. ` +
        `The first save comes right after the first sync; the others follow one another without waiting for Replicache's ` +
        `persist or push. The card closes as soon as the change shows in the grid; "saved" (the notification) follows: the ` +
        `app's own \`trunkline:saved\` mark, the change committed locally and journalled. Goal: dialog gone p95 ≤ 100 ms.`,
      '',
      result,
      '',
    ].join('\n');
    writeBenchmarkSection(section);
  } finally {
    await browser.close();
    await env.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
