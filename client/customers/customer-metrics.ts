import type { IndexedCustomer } from './indexed-customer.js';

/**
 * Live traffic figures of one customer, one accessor per metric. Metrics are computed by
 * the server from call records and are not synced yet, so every accessor answers
 * `undefined` ("-" in the grid, never 0 or NaN). The grid, the sort and the "Dialling"
 * filter read metrics only through these functions, so metrics plug in here alone.
 */
export type MetricAccessor = (row: IndexedCustomer) => number | undefined;

/** Calls in progress now (counted from call start, before answer). */
export const liveChannels: MetricAccessor = (_row) => undefined;

/** Answer-seizure ratio in percent over the display window. */
export const asrPercent: MetricAccessor = (_row) => undefined;

/** Average call duration of answered calls, in seconds. */
export const acdSeconds: MetricAccessor = (_row) => undefined;

/** Average post-dial delay, in seconds. */
export const pddSeconds: MetricAccessor = (_row) => undefined;

/** New call attempts per second now. */
export const callsPerSecond: MetricAccessor = (_row) => undefined;

/** When the customer last placed a call, as epoch milliseconds. */
export const lastCallAt: MetricAccessor = (_row) => undefined;

/** "Dialling" is not a stored status: it is "has live channels now". */
export function isDialling(row: IndexedCustomer): boolean {
  return (liveChannels(row) ?? 0) > 0;
}
