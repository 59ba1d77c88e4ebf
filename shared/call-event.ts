import { z } from 'zod';
import { callId, callTime, required, type IngestIssue } from './cdr.js';

/**
 * A call state event as a softswitch sends it to `POST /api/ingest/events` (JSON array or
 * NDJSON): live channels are counted from `started` until `ended` (or until the call
 * expires after the configured maximum call length without an end).
 */
export const CALL_EVENT_TYPES = ['started', 'ringing', 'answered', 'ended'] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

export const callEventSchema = z.object({
  callId,
  customerId: required(z.uuid({ message: 'Not a customer id (UUID)' })),
  type: required(z.enum(CALL_EVENT_TYPES, { error: `Not an event type: use ${CALL_EVENT_TYPES.join(', ')}` })),
  /** When it happened (ISO 8601 UTC or epoch seconds/ms); default: when it arrived. */
  at: z.preprocess((v) => (v === '' || v === null ? undefined : v), callTime.optional()),
});

export type CallEvent = z.output<typeof callEventSchema>;

/** Every field a call event may carry. */
export const CALL_EVENT_FIELDS: readonly string[] = Object.keys(callEventSchema.shape);

/** The answer to `POST /api/ingest/events`. */
export interface CallEventsResult {
  /** Events applied to the live calls. */
  accepted: number;
  rejected: IngestIssue[];
  /** Field names the events carried that are not event fields: ignored. Absent when there were none. */
  ignoredFields?: string[];
}

export const MAX_EVENTS_PER_REQUEST = 50_000;
