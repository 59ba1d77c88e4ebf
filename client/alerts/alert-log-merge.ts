import type { AlertEvent } from '../../shared/alert-rule.js';

/** Event ids are bigint sequence numbers sent as text; newer events have larger ids. */
const older = (a: string, b: string) => BigInt(a) < BigInt(b);

export interface LogPages {
  events: AlertEvent[];
  /** The server may hold events older than the last one loaded. */
  hasMore: boolean;
}

/**
 * Puts a fresh first page (newest `pageSize` events) in front of what was loaded before.
 * Older pages the user loaded stay, unless more than a page of events arrived since and
 * left a gap between the two: then only the fresh page is kept, so the log never skips.
 */
export function mergeNewest(fresh: AlertEvent[], loaded: LogPages, pageSize: number): LogPages {
  if (fresh.length < pageSize) return { events: fresh, hasMore: false };
  const oldestFresh = fresh[fresh.length - 1]!.id;
  const newestLoaded = loaded.events[0]?.id;
  const overlaps = newestLoaded !== undefined && !older(newestLoaded, oldestFresh);
  if (!overlaps) return { events: fresh, hasMore: true };
  const tail = loaded.events.filter((e) => older(e.id, oldestFresh));
  return { events: [...fresh, ...tail], hasMore: tail.length > 0 ? loaded.hasMore : true };
}

/** Appends the next older page, skipping any event already shown. */
export function appendOlder(loaded: LogPages, page: AlertEvent[], pageSize: number): LogPages {
  const seen = new Set(loaded.events.map((e) => e.id));
  return { events: [...loaded.events, ...page.filter((e) => !seen.has(e.id))], hasMore: page.length === pageSize };
}
