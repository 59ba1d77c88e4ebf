import { acdSeconds as acdOf, asrPercent as asrOf, pddSeconds as pddOf, tupleToSums, type TrafficSums } from '../../shared/metrics.js';
import type { IndexedCustomer } from './indexed-customer.js';

/**
 * Live traffic figures of one customer, one accessor per metric, read from the figures
 * the server syncs under `m/<id>` (`row.metrics`). Ratios use the shared formulas over
 * the last hour's sums; without attempts (or without figures) an accessor answers
 * `undefined` ("-" in the grid, never 0 or NaN). The grid, the sort and the "Dialling"
 * filter read metrics only through these functions, and a row's figures change only
 * with the row object, as sorting requires.
 */
export type MetricAccessor = (row: IndexedCustomer) => number | undefined;

/** The window the grid shows. */
export type MetricWindow = 'h1' | 'h24';

/** The additive sums of a window, undefined without figures. */
export function windowSums(row: IndexedCustomer, window: MetricWindow = 'h1'): TrafficSums | undefined {
  const m = row.metrics;
  return m && tupleToSums(m[window]);
}

/** Calls in progress now (counted from call start, before answer): a long call stays up without new attempts. */
export const liveChannels: MetricAccessor = (row) => row.metrics?.ch;

/** Answer-seizure ratio in percent over the last hour. */
export const asrPercent: MetricAccessor = (row) => {
  const sums = windowSums(row);
  return sums && asrOf(sums);
};

/** Average call duration of answered calls, in seconds, over the last hour. */
export const acdSeconds: MetricAccessor = (row) => {
  const sums = windowSums(row);
  return sums && acdOf(sums);
};

/** Average post-dial delay, in seconds, over the last hour. */
export const pddSeconds: MetricAccessor = (row) => {
  const sums = windowSums(row);
  return sums && pddOf(sums);
};

/** New call attempts per second now; "-" for a customer without attempts in the last hour. */
export const callsPerSecond: MetricAccessor = (row) => {
  const m = row.metrics;
  return m && m.h1[0] > 0 ? m.cps : undefined;
};

/** When the customer last placed a call, as epoch milliseconds. */
export const lastCallAt: MetricAccessor = (row) => row.metrics?.last;

/** "Dialling" is not a stored status: it is "has live channels now". */
export function isDialling(row: IndexedCustomer): boolean {
  return (liveChannels(row) ?? 0) > 0;
}
