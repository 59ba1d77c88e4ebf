import type { CdrInput } from '../../shared/cdr.js';
import { addSums, sumsOfCall, ZERO_SUMS, type TrafficSums } from '../../shared/metrics.js';
import { toMinor } from '../../shared/money.js';

/** What one batch adds to one customer's minute. */
export interface MinuteDelta {
  customerId: string;
  /** Start of the minute, epoch ms (UTC). */
  minute: number;
  sums: TrafficSums;
  /** Charges in ten-thousandths of the customer's currency. */
  chargeMinor: bigint;
  lastStartedAt: number;
}

/** Attempts a batch adds to one customer's second (for CPS). */
export interface SecondDelta {
  customerId: string;
  second: number;
  attempts: number;
}

/** The facts of a record the metrics read (shared with the raw-record check in tests). */
export function callFacts(cdr: CdrInput) {
  return {
    sipCode: cdr.sipCode,
    startedAt: cdr.startedAt,
    ringingAt: cdr.ringingAt,
    answeredAt: cdr.answeredAt,
    endedAt: cdr.endedAt,
    pddMs: cdr.pddMs,
    durationMs: cdr.duration === undefined ? undefined : Math.round(cdr.duration * 1000),
  };
}

/**
 * Sums a batch of new records per customer and minute (and attempts per second), with
 * the same per-call rules the client and the tests use (`sumsOfCall`). Sorted by key so
 * concurrent batches lock rollup rows in the same order and cannot deadlock.
 */
export function rollUp(cdrs: Iterable<CdrInput>): { minutes: MinuteDelta[]; seconds: SecondDelta[] } {
  const minutes = new Map<string, MinuteDelta>();
  const seconds = new Map<string, SecondDelta>();
  for (const cdr of cdrs) {
    const minute = Math.floor(cdr.startedAt / 60_000) * 60_000;
    const key = `${cdr.customerId}/${minute}`;
    const sums = sumsOfCall(callFacts(cdr));
    const charge = cdr.charge === undefined ? 0n : toMinor(cdr.charge);
    const m = minutes.get(key);
    if (m) {
      m.sums = addSums(m.sums, sums);
      m.chargeMinor += charge;
      m.lastStartedAt = Math.max(m.lastStartedAt, cdr.startedAt);
    } else {
      minutes.set(key, { customerId: cdr.customerId, minute, sums: addSums(ZERO_SUMS, sums), chargeMinor: charge, lastStartedAt: cdr.startedAt });
    }
    if (sums.attempts === 0) continue;
    const second = Math.floor(cdr.startedAt / 1000) * 1000;
    const sKey = `${cdr.customerId}/${second}`;
    const s = seconds.get(sKey);
    if (s) s.attempts += 1;
    else seconds.set(sKey, { customerId: cdr.customerId, second, attempts: 1 });
  }
  const byKey = <T extends { customerId: string }>(at: (x: T) => number) => (a: T, b: T) =>
    a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : at(a) - at(b);
  return {
    minutes: [...minutes.values()].sort(byKey((m) => m.minute)),
    seconds: [...seconds.values()].sort(byKey((s) => s.second)),
  };
}
