import { z } from 'zod';
import { parseCallTime } from './cdr.js';

/**
 * A call state event as a softswitch sends it to `POST /api/ingest/events` (JSON array or
 * NDJSON): live channels are counted from `started` until `ended` (or until the call
 * expires after the configured maximum call length without an end).
 */
export const CALL_EVENT_TYPES = ['started', 'ringing', 'answered', 'ended'] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

export const callEventSchema = z.object({
  callId: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1).max(128)),
  customerId: z.uuid({ message: 'Not a customer id (UUID)' }),
  type: z.enum(CALL_EVENT_TYPES),
  /** When it happened (ISO 8601 UTC or epoch seconds/ms); default: when it arrived. */
  at: z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const ms = parseCallTime(v);
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: 'custom', message: 'Not a time: use ISO 8601 (UTC) or epoch seconds' });
        return z.NEVER;
      }
      return ms;
    }),
});
export type CallEvent = z.output<typeof callEventSchema>;

export const MAX_EVENTS_PER_REQUEST = 50_000;
