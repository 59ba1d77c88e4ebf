import type { ChaosReport } from './run-chaos.js';

const n = (v: number) => v.toLocaleString('en');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** True when the run found nothing wrong. */
export function chaosPassed(r: ChaosReport): boolean {
  return (
    r.mutations.lost === 0 &&
    r.mutations.duplicated === 0 &&
    r.mutations.invalidApplied === 0 &&
    r.callRecords.lost === 0 &&
    r.callRecords.duplicated === 0 &&
    r.creditMismatches === 0 &&
    r.chargeMismatches === 0 &&
    r.devicesConverged === r.options.devices &&
    r.unexpectedExits.length === 0 &&
    !Object.keys(r.syncFailures).some((cause) => / 4\d\d /.test(cause))
  );
}

/** The run as a Markdown section (also what `npm run chaos` prints); `machine` says what it ran on. */
export function renderChaosReport(r: ChaosReport, date: string, machine = ''): string {
  const o = r.options;
  const m = r.mutations;
  const codes = Object.entries(m.refusedByCode)
    .sort(([, a], [, b]) => b - a)
    .map(([code, count]) => `${code} ${n(count)}`)
    .join(', ');
  const failures = Object.entries(r.syncFailures)
    .map(([cause, count]) => `${cause}: ${n(count)}`)
    .join(', ');
  return [
    '## Chaos run',
    '',
    `\`npm run chaos\` on ${date}${machine ? `, ${machine}` : ''} (${s(r.durationMs)}): server, database and devices on one machine; ${o.devices} devices × ${n(o.mutationsPerDevice)} random changes ` +
      `(edits, bulk edits, status changes, payments, deletes and restores, creations; about one in eight made to be refused; ` +
      `one device in ten a viewer's) with offline periods up to ${s(o.maxOfflineMs)}, ${o.customers} customers, a switch posting ` +
      `${o.cdrBatch}-record batches, while the server process was killed with SIGKILL ${r.faults.kills} times and restarted, and its ` +
      `database connections were terminated ${r.faults.terminations} times (${n(r.faults.backendsTerminated)} backends). Seed \`${o.seed}\`.`,
    '',
    '| measure | result | goal |',
    '|---|---|---|',
    `| changes made | ${n(m.made)} | |`,
    `| applied | ${n(m.applied)} | |`,
    `| refused, with their reason | ${n(m.refused)} (${codes || 'none'}) | |`,
    `| lost | ${n(m.lost)} | 0 |`,
    `| applied twice | ${n(m.duplicated)} | 0 |`,
    `| made to be refused, yet applied | ${n(m.invalidApplied)} | 0 |`,
    `| acknowledged call records | ${n(r.callRecords.acknowledged)} (batches sent again: ${n(r.callRecords.resent)}) | |`,
    `| acknowledged call records lost / stored twice | ${n(r.callRecords.lost)} / ${n(r.callRecords.duplicated)} | 0 / 0 |`,
    `| customers whose credit ≠ ledger sum | ${n(r.creditMismatches)} | 0 |`,
    `| customers whose charges ≠ their call records' charges | ${n(r.chargeMismatches)} | 0 |`,
    `| devices holding the server's state at the end | ${r.devicesConverged} of ${o.devices} | all |`,
    `| server exits nobody asked for | ${r.unexpectedExits.length} | 0 |`,
    `| last fault to convergence | ${s(r.convergeMs)} | |`,
    '',
    `Failed syncs along the way (retried): ${failures || 'none'}.`,
    '',
  ].join('\n');
}
