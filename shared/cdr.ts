import { z } from 'zod';
import { isCurrencyCode } from './iso-codes.js';
import { fromMinor, toMinor } from './money.js';
import { noControlCharacters } from './text.js';

/**
 * A finished call record as a softswitch sends it to `POST /api/ingest/cdrs` (JSON, NDJSON
 * or CSV with these names as headers). Times are UTC: ISO 8601 (a missing zone means UTC,
 * "2026-11-26 10:00:00" works) or epoch seconds or milliseconds.
 */

const MAX_TEXT = 200;

/** Times a record may carry: 1970 to the end of 9999 (what PostgreSQL and `Date` both hold). */
const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Longest call a record may describe; also bounds every per-call sum of milliseconds. */
export const MAX_CALL_MS = 7 * 86_400_000;

/**
 * Largest charge of one call, in the customer's currency: nine digits leave room for
 * currencies with small units, and stay far below the numeric(20,4) columns (under
 * 10^16). A full request of such calls (50,000 × 10^8) adds 5 × 10^12 to a customer's
 * minute: 2,000 of them within one minute would be needed to overflow its sum. What
 * bounds cannot catch (a credit driven to the limit) the database refuses per record.
 */
export const MAX_CHARGE = '100000000';

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

/**
 * A field a record must have. Absent, null and an empty CSV cell all say "missing",
 * instead of the type message the field's schema would give for `undefined`.
 */
export const required = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v, ctx) => {
    // An issue raised here stops the field's check: `schema` never sees the missing value.
    if (emptyToUndefined(v) === undefined) ctx.addIssue({ code: 'custom', message: 'missing' });
    return v;
  }, schema);

/** A call time: ISO 8601 (UTC unless zoned) or epoch seconds or milliseconds, as epoch ms. */
export const callTime = z.union([z.string(), z.number()], { error: 'Not a time: use ISO 8601 (UTC) or epoch seconds' }).transform((v, ctx) => {
  const ms = parseCallTime(v);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'Not a time: use ISO 8601 (UTC) or epoch seconds' });
    return z.NEVER;
  }
  if (ms < 0 || ms > LATEST_TIME) {
    ctx.addIssue({ code: 'custom', message: 'Not a time between 1970 and 9999' });
    return z.NEVER;
  }
  return ms;
});

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** Text as switches send it: a string or a number (a CSV cell, a numeric id), never null or an object. */
const textOf = (min: number, max: number) =>
  z
    .union([z.string(), z.number()], { error: 'Not text' })
    .transform((v) => String(v).trim())
    .pipe(z.string().min(min, 'missing').max(max).check(noControlCharacters()));
const text = (max = MAX_TEXT) => optional(textOf(0, max));
const number = () => z.coerce.number({ error: 'Not a number' });
const wholeNumber = (max: number) => number().int('Not a whole number').min(0).max(max);

/** A call id as both records and events carry it. */
export const callId = required(textOf(1, 128));

const MAX_CHARGE_MINOR = toMinor(MAX_CHARGE);
const charge = z.preprocess(
  (v) => (typeof v === 'number' ? v.toFixed(4) : typeof v === 'string' ? v.trim() : v),
  z.string().transform((v, ctx) => {
    let minor: bigint;
    try {
      minor = toMinor(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Not an amount with at most 4 decimals' });
      return z.NEVER;
    }
    if (minor > MAX_CHARGE_MINOR) {
      ctx.addIssue({ code: 'custom', message: `At most ${Number(MAX_CHARGE).toLocaleString('en')} for one call` });
      return z.NEVER;
    }
    return fromMinor(minor);
  }),
);

const cdrFields = z.object({
  callId,
  customerId: required(z.uuid({ message: 'Not a customer id (UUID)' })),
  startedAt: required(callTime),
  ringingAt: optional(callTime),
  answeredAt: optional(callTime),
  endedAt: required(callTime),
  /** Post-dial delay in ms when the switch reports it instead of a ringing time. */
  pddMs: optional(wholeNumber(600_000)),
  /** Talk seconds of an answered call (default: answer to end). */
  duration: optional(number().min(0).max(MAX_CALL_MS / 1000)),
  billedSeconds: optional(wholeNumber(MAX_CALL_MS / 1000)),
  sipCode: required(number().int('Not a whole number').min(100).max(699)),
  sipReason: text(),
  releaseCause: text(),
  cli: text(64),
  destination: required(textOf(1, 64)),
  destinationName: text(),
  /** Per minute; numeric(20,6) holds far more, the bound only catches garbage. */
  rate: optional(number().min(0).max(1e9)),
  charge: optional(charge),
  currency: optional(z.string({ error: 'Not a currency code' }).trim().toUpperCase().refine(isCurrencyCode, 'Not an ISO 4217 currency code')),
});

export const cdrInputSchema = cdrFields.superRefine((c, ctx) => {
  if (c.endedAt < c.startedAt) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'Ends before it starts' });
  else if (c.endedAt - c.startedAt > MAX_CALL_MS) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'Ends more than 7 days after it starts' });
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

/** Every field a call record may carry, in the order of the documentation (and of a CSV header). */
export const CDR_FIELDS: readonly string[] = Object.keys(cdrFields.shape);

/** The fields a call record must carry: those whose schema refuses a missing value. */
export const CDR_REQUIRED_FIELDS: readonly string[] = CDR_FIELDS.filter(
  (f) => !cdrFields.shape[f as keyof typeof cdrFields.shape].safeParse(undefined).success,
);

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
  /**
   * Field names (or CSV columns) the records carried that are not call-record fields:
   * ignored, most likely misspelt. Absent when there were none.
   */
  ignoredFields?: string[];
}

/** Most records one request may carry; larger batches are split by the sender. */
export const MAX_CDRS_PER_REQUEST = 50_000;
