import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findTestPostgres } from '../../server/test/postgres-server.js';
import { createDatabaseOn } from '../../server/test/test-database.js';
import { describeMachine } from '../../bench/machine.js';
import { putSection } from '../../bench/markdown-sections.js';
import { chaosPassed, renderChaosReport } from './chaos-report.js';
import { runChaos } from './run-chaos.js';

/**
 * `npm run chaos`: the full chaos run on a fresh database of the PostgreSQL the tests use
 * (DATABASE_URL, the local one, or a throwaway one). Prints the result, writes it into
 * BENCHMARKS.md (its own section) and exits 1 if anything was lost, doubled or stuck.
 */
const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '20' },
    mutations: { type: 'string', default: '1000' },
    kills: { type: 'string', default: '3' },
    terminations: { type: 'string', default: '5' },
    customers: { type: 'string', default: '300' },
    seed: { type: 'string', default: 'chaos' },
    'no-write': { type: 'boolean', default: false },
  },
});

const BENCHMARKS = resolve(import.meta.dirname, '../../BENCHMARKS.md');

async function main(): Promise<void> {
  const pg = await findTestPostgres();
  const db = await createDatabaseOn(pg.adminUrl);
  try {
    const report = await runChaos({
      databaseUrl: db.url,
      devices: Number(values.devices),
      mutationsPerDevice: Number(values.mutations),
      kills: Number(values.kills),
      terminations: Number(values.terminations),
      customers: Number(values.customers),
      seed: values.seed,
      cdrBatch: 200,
      maxOfflineMs: 4000,
      convergeTimeoutMs: 180_000,
      log: (line) => console.info(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`),
    });
    const m = describeMachine();
    const section = renderChaosReport(report, new Date().toISOString().slice(0, 10), `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB`);
    console.info(`\n${section}`);
    for (const exit of report.unexpectedExits) console.error(`Unexpected server exit:\n${exit}`);
    for (const example of report.mutations.invalidAppliedExamples) console.error(`Applied, though made to be refused: ${example}`);
    if (!values['no-write'] && existsSync(BENCHMARKS)) {
      writeFileSync(BENCHMARKS, putSection(readFileSync(BENCHMARKS, 'utf8'), section));
    }
    process.exitCode = chaosPassed(report) ? 0 : 1;
  } finally {
    await db.drop();
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
