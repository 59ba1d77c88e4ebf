import type { Sql } from 'postgres';
import { endPenalties } from '../alerts/end-penalties.js';
import { evaluateAlerts } from '../alerts/evaluate-alerts.js';
import type { PokeBus } from '../sync/poke-bus.js';
import { BULK_FROM, computeMetrics, type ComputedMetrics } from './compute-metrics.js';
import { metricsCandidates } from './metrics-candidates.js';
import { publishMetrics } from './publish-metrics.js';
import { recordChannelPeaks } from './record-channel-peaks.js';
import { RefreshLease } from './refresh-lease.js';

/** Customers computed per statement when only some changed: bounded statements. */
const CHUNK = 5_000;

export interface RefreshReport {
  candidates: number;
  changed: number;
  ms: number;
  /** Another process holds the refresh lease. */
  skipped: boolean;
}

/** A holder that stops renewing (crashed) loses the lease after this long. */
const LEASE_MS = 30_000;

/**
 * Keeps every customer's published figures current: every `intervalMs` it recomputes
 * the customers whose figures may have changed (see `metricsCandidates`), publishes the
 * ones that did, judges their alert rules, ends penalties that are up, and pokes the
 * organisations whose devices have something new. One refresh at a time; a slow
 * one delays the next instead of piling up. With several server processes on one
 * database, only the holder of the refresh lease works.
 */
export class MetricsPublisher {
  #since: Date | null = null;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<RefreshReport> | undefined;
  #stopped = false;
  readonly #lease: RefreshLease;
  /** Customers of a refresh that did not finish (an error, a lost lease): the next one includes them. */
  #unfinished: string[] = [];

  constructor(
    private readonly sql: Sql,
    private readonly pokes: PokeBus,
    private readonly now: () => Date,
    private readonly intervalMs: number,
  ) {
    this.#lease = new RefreshLease(sql, 'metrics', Math.max(LEASE_MS, intervalMs * 5));
  }

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => {});
    await this.#lease.release().catch(() => {});
  }

  /** Runs one refresh now (or waits for the one under way and runs another). */
  async refresh(): Promise<RefreshReport> {
    while (this.#running) await this.#running.catch(() => {});
    this.#running = this.#refresh();
    try {
      return await this.#running;
    } finally {
      this.#running = undefined;
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.refresh()
        .catch((e: unknown) => console.error('Metrics refresh failed', e))
        .finally(() => this.#schedule());
    }, this.intervalMs);
    this.#timer.unref();
  }

  async #refresh(): Promise<RefreshReport> {
    const started = performance.now();
    const now = this.now();
    // Another server process holds the lease: it refreshes; this one stands by.
    if (!(await this.#lease.tryHold(now))) return { candidates: 0, changed: 0, ms: performance.now() - started, skipped: true };
    // Marks taken by a refresh that failed are done again, not lost.
    const ids = [...new Set([...this.#unfinished, ...(await metricsCandidates(this.sql, now, this.#since))])].sort();
    this.#unfinished = ids;
    await recordChannelPeaks(this.sql, now);
    let changed = 0;
    const touchedOrgs = new Set<string>();
    // A bulk computation reads every customer's rows once: chunking it would repeat that.
    const chunk = ids.length >= BULK_FROM ? ids.length : CHUNK;
    for (let i = 0; i < ids.length; i += chunk) {
      const computed = await computeMetrics(this.sql, ids.slice(i, i + chunk), now);
      await this.#stillHolding();
      for (const [organisationId, list] of byOrganisation(computed)) {
        const n = await publishMetrics(this.sql, organisationId, list);
        changed += n;
        if (n > 0) touchedOrgs.add(organisationId);
      }
    }
    // Alerts judge the same customers; penalties that are up end on time. Only while
    // this process still holds the lease: two judging at once would fire alerts twice.
    await this.#stillHolding();
    for (const org of await evaluateAlerts(this.sql, ids, now)) touchedOrgs.add(org);
    for (const org of await endPenalties(this.sql, now)) touchedOrgs.add(org);
    for (const org of touchedOrgs) await this.pokes.publish(org).catch((e: unknown) => console.error('Poke failed', e));
    this.#since = now;
    this.#unfinished = [];
    return { candidates: ids.length, changed, ms: performance.now() - started, skipped: false };
  }

  /** Renews the lease during a long refresh; throws (the refresh is redone later) if another process took it. */
  async #stillHolding(): Promise<void> {
    if (!(await this.#lease.tryHold(this.now()))) throw new Error('The metrics refresh lease passed to another process');
  }
}

function byOrganisation(list: readonly ComputedMetrics[]): Map<string, ComputedMetrics[]> {
  const out = new Map<string, ComputedMetrics[]>();
  for (const m of list) {
    const group = out.get(m.organisationId);
    if (group) group.push(m);
    else out.set(m.organisationId, [m]);
  }
  return out;
}
