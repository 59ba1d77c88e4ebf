import type { IngestIssue } from '../../shared/cdr.js';

/** How far ahead of the server's clock a call may start (switch clocks drift). */
export const MAX_CLOCK_AHEAD_MS = 24 * 3600 * 1000;

/** The server's clock and how many days of calls it keeps. */
export interface RecordWindow {
  now: number;
  retentionDays: number;
}

/** Which time of an item the window judges, and how the refusal names the item. */
export interface WindowedTime<T> {
  field: string;
  time: (item: T) => number;
  callId: (item: T) => string;
}

/**
 * Items the server will not store, call records and call events alike: older than the
 * retention (their day is dropped anyway) or more than a day ahead of the server clock
 * (a broken switch clock).
 */
export function splitByWindow<T extends { line: number }>(batch: readonly T[], window: RecordWindow, which: WindowedTime<T>): { kept: T[]; refused: IngestIssue[] } {
  const oldest = window.now - window.retentionDays * 86_400_000;
  const newest = window.now + MAX_CLOCK_AHEAD_MS;
  const kept: T[] = [];
  const refused: IngestIssue[] = [];
  for (const item of batch) {
    const at = which.time(item);
    if (at < oldest) refused.push({ line: item.line, callId: which.callId(item), message: `${which.field}: Older than the ${window.retentionDays}-day retention` });
    else if (at > newest) refused.push({ line: item.line, callId: which.callId(item), message: `${which.field}: More than a day in the future; check the switch clock` });
    else kept.push(item);
  }
  return { kept, refused };
}
