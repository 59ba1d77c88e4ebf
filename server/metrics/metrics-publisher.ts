import type { Sql } from 'postgres';
import { isTransientDbError } from '../db/db-errors.js';
import type { SessionLock } from '../db/session-lock.js';
import { endPenalties } from '../alerts/end-penalties.js';
import { evaluateAlerts } from '../alerts/evaluate-alerts.js';
import type { PokeBus } from '../sync/poke-bus.js';
import { BULK_FROM, computeMetrics, type ComputedMetrics } from './compute-metrics.js';
import { metricsCandidates } from './metrics-candidates.js';
import { publishMetrics } from './publish-metrics.js';
import { recordChannelPeaks } from './record-channel-peaks.js';

/** Customers computed per statement when only some changed: bounded statements. */
const CHUNK = 5_000;

export interface RefreshReport {
  candidates: number;
  changed: number;
  ms: number;
  /** Another process holds the refresh lock. */
  skipped: boolean;
}

/** The name of the lock that keeps the refresh to one server process per database. */
export const REFRESH_LOCK = 'metrics-refresh';

/**
 * Keeps every customer's published figures current: every `intervalMs` it recomputes
 * the customers whose figures may have changed (see `metricsCandidates`), publishes the
 * ones that did, judges their alert rules, ends penalties that are up, and pokes the
 * organisations whose devices have something new. One refresh at a time; a slow
 * one delays the next instead of piling up. With several server processes on one
 * database, only the holder of the refresh lock works; the lock is checked again
 * between phases, and a refresh that lost it stops (its customers are redone later).
 * A failed refresh (the database away) is logged and the next one runs on time.
 */
export class MetricsPublisher {
  #since: Date | null = null;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<RefreshReport> | undefined;
  #stopped = false;
  /** Customers of a refresh that did not finish (an error, a lost lock): the next one includes them. */
  #unfinished: string[] = [];

  constructor(
    private readonly sql: Sql,
    private readonly pokes: PokeBus,
    private readonly now: () => Date,
    private readonly intervalMs: number,
    private readonly lock: SessionLock,
  ) {}

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => {});
    await this.lock.release().catch(() => {});
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
        .catch((e: unknown) => {
          if (isTransientDbError(e)) console.warn(`Metrics refresh failed, the database is unavailable: ${(e as Error).message}`);
          else console.error('Metrics refresh failed', e);
        })
        .finally(() => this.#schedule());
    }, this.intervalMs);
    this.#timer.unref();
  }

  async #refresh(): Promise<RefreshReport> {
    const started = performance.now();
    const now = this.now();
    // Another server process holds the lock: it refreshes; this one stands by.
    if (!(await this.lock.tryHold())) return { candidates: 0, changed: 0, ms: performance.now() - started, skipped: true };
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
    // this process still holds the lock, to spare the work; should the lock's session die
    // right after this check, a second judge still fires nothing twice (see evaluateAlerts).
    await this.#stillHolding();
    for (const org of await evaluateAlerts(this.sql, ids, now)) touchedOrgs.add(org);
    for (const org of await endPenalties(this.sql, now)) touchedOrgs.add(org);
    for (const org of touchedOrgs) await this.pokes.publish(org).catch((e: unknown) => console.error('Poke failed', e));
    this.#since = now;
    this.#unfinished = [];
    return { candidates: ids.length, changed, ms: performance.now() - started, skipped: false };
  }

  /** Throws (the refresh is redone later) when this process lost the lock since the refresh began: another may have it. */
  async #stillHolding(): Promise<void> {
    if (!(await this.lock.stillHeld())) throw new Error('The metrics refresh lock was lost during the refresh');
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
