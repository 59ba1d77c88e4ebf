import { z } from 'zod';
import type { TrafficSums } from './metrics.js';

const MAX_RANGE_MS = 400 * 86_400_000;

/** `GET /api/customers/:id/traffic?from&to`: a customer's traffic over time, for the card's charts. */
export const trafficHistoryQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: '"to" must be after "from"', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_MS, { message: 'At most 400 days at once', path: ['from'] });

/** Most points one chart gets; the bucket grows with the range. */
export const MAX_POINTS = 500;

/** Ranges longer than this are charted from hourly counters (minute counters are kept only a few days). */
export const HOURLY_FROM_MS = 2 * 86_400_000;

/** Bucket length for a range: whole minutes (whole hours past two days), at most MAX_POINTS buckets. */
export function bucketSecondsFor(fromMs: number, toMs: number): number {
  const unit = toMs - fromMs > HOURLY_FROM_MS ? 3600 : 60;
  return Math.max(1, Math.ceil((toMs - fromMs) / 1000 / unit / MAX_POINTS)) * unit;
}

export interface TrafficPoint extends TrafficSums {
  /** Bucket start, epoch ms. */
  t: number;
  cpsPeak: number;
  channelsPeak: number;
}

export interface TrafficHistory {
  from: string;
  to: string;
  bucketSeconds: number;
  /** Buckets with traffic only; a missing bucket had none. */
  points: TrafficPoint[];
  /** Balance after the last ledger entry of each bucket that had one, plus the balance at `from`. */
  credit: { t: number; balance: string }[];
  /** Sums over the whole range: the figures for a window staff choose. */
  totals: TrafficSums;
}

/** `GET /api/customers/:id/ledger`: newest first. */
export const ledgerQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().regex(/^\d{1,18}$/).optional(),
});

export interface LedgerEntry {
  id: string;
  kind: 'opening' | 'charge' | 'payment' | 'adjustment';
  amount: string;
  /** Balance right after this entry. */
  balance: string;
  reason: string | null;
  reference: string | null;
  userName: string | null;
  at: string;
}

export const customerIdParamSchema = z.object({ id: z.uuid({ message: 'Not a customer id (UUID)' }) });
