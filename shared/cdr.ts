import { z } from 'zod';
import { isCurrencyCode } from './iso-codes.js';
import { normalizeMoney } from './money.js';

/**
 * A finished call record as a softswitch sends it to `POST /api/ingest/cdrs` (JSON, NDJSON
 * or CSV with these names as headers). Times are UTC: ISO 8601 (a missing zone means UTC,
 * "2026-11-26 10:00:00" works) or epoch seconds or milliseconds.
 */

const MAX_TEXT = 200;

/** Epoch ms from what switches send; NaN when it is none of the accepted forms. */
export function parseCallTime(value: unknown): number {
  if (typeof value === 'number') return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
  if (typeof value !== 'string') return Number.NaN;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return parseCallTime(Number(text));
  const iso = text.replace(' ', 'T');
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`;
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(zoned) ? Date.parse(zoned) : Number.NaN;
}

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const time = z.preprocess(emptyToUndefined, z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = parseCallTime(v);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'Not a time: use ISO 8601 (UTC) or epoch seconds' });
    return z.NEVER;
  }
  return ms;
}));

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
/** Text as switches send it: a string or a number (a CSV cell, a numeric id), never null or an object. */
const textOf = () => z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const text = (max = MAX_TEXT) => z.preprocess(emptyToUndefined, textOf().pipe(z.string().max(max)).optional());
const wholeNumber = (max: number) => z.coerce.number().int().min(0).max(max);

const charge = z.preprocess(
  (v) => (typeof v === 'number' ? v.toFixed(4) : typeof v === 'string' ? v.trim() : v),
  z.string().transform((v, ctx) => {
    try {
      return normalizeMoney(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Not an amount with at most 4 decimals' });
      return z.NEVER;
    }
  }),
);

export const cdrInputSchema = z
  .object({
    callId: textOf().pipe(z.string().min(1).max(128)),
    customerId: z.uuid({ message: 'Not a customer id (UUID)' }),
    startedAt: time,
    ringingAt: optional(time),
    answeredAt: optional(time),
    endedAt: time,
    /** Post-dial delay in ms when the switch reports it instead of a ringing time. */
    pddMs: optional(wholeNumber(600_000)),
    /** Talk seconds of an answered call (default: answer to end). */
    duration: optional(z.coerce.number().min(0).max(7 * 86_400)),
    billedSeconds: optional(wholeNumber(7 * 86_400)),
    sipCode: z.coerce.number().int().min(100).max(699),
    sipReason: text(),
    releaseCause: text(),
    cli: text(64),
    destination: textOf().pipe(z.string().min(1).max(64)),
    destinationName: text(),
    rate: optional(z.coerce.number().min(0).max(1e9)),
    charge: z.preprocess(emptyToUndefined, charge.optional()),
    currency: z.preprocess(emptyToUndefined, z.string().trim().toUpperCase().refine(isCurrencyCode, 'Not an ISO 4217 currency code').optional()),
  })
  .superRefine((c, ctx) => {
    if (c.endedAt < c.startedAt) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'Ends before it starts' });
    if (c.answeredAt !== undefined && (c.answeredAt < c.startedAt || c.answeredAt > c.endedAt)) {
      ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: 'Answered outside the call' });
    }
    if (c.ringingAt !== undefined && (c.ringingAt < c.startedAt || c.ringingAt > c.endedAt)) {
      ctx.addIssue({ code: 'custom', path: ['ringingAt'], message: 'Rang outside the call' });
    }
    if (c.charge !== undefined && c.charge !== '0.00' && c.currency === undefined) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'A charge needs its currency' });
    }
    if (c.charge !== undefined && c.charge.startsWith('-')) ctx.addIssue({ code: 'custom', path: ['charge'], message: 'A charge cannot be negative' });
  });

export type CdrInput = z.output<typeof cdrInputSchema>;

/** One refused record: its line (1-based: the JSON array index + 1, the NDJSON line, the CSV line) and why. */
export interface IngestIssue {
  line: number;
  callId?: string;
  message: string;
}

export interface IngestResult {
  /** Records stored by this request. */
  accepted: number;
  /** Records already stored by an earlier request (same call id and start): counted once. */
  duplicates: number;
  rejected: IngestIssue[];
}

/** Most records one request may carry; larger batches are split by the sender. */
export const MAX_CDRS_PER_REQUEST = 50_000;
