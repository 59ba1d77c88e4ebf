import type { IngestIssue } from '../../shared/cdr.js';
import type { ValidCdr } from './validate-cdrs.js';

/** How far ahead of the server's clock a call may start (switch clocks drift). */
export const MAX_CLOCK_AHEAD_MS = 24 * 3600 * 1000;

/**
 * Records the server will not store: older than the retention (their day is dropped
 * anyway) or starting more than a day ahead of the server clock (a broken switch clock).
 */
export function splitByWindow(batch: readonly ValidCdr[], now: number, retentionDays: number): { kept: ValidCdr[]; refused: IngestIssue[] } {
  const oldest = now - retentionDays * 86_400_000;
  const newest = now + MAX_CLOCK_AHEAD_MS;
  const kept: ValidCdr[] = [];
  const refused: IngestIssue[] = [];
  for (const item of batch) {
    const { startedAt, callId } = item.cdr;
    if (startedAt < oldest) refused.push({ line: item.line, callId, message: `startedAt: Older than the ${retentionDays}-day retention` });
    else if (startedAt > newest) refused.push({ line: item.line, callId, message: 'startedAt: More than a day in the future; check the switch clock' });
    else kept.push(item);
  }
  return { kept, refused };
}
