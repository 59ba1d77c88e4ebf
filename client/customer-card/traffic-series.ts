import dayjs from 'dayjs';
import { acdSeconds, asrPercent, pddSeconds } from '../../shared/metrics.js';
import type { TrafficHistory, TrafficPoint } from '../../shared/traffic-history.js';

/** One bucket as the charts plot it. Null is "no value" (a gap in a line), never zero. */
export interface ChartRow {
  /** Bucket start, epoch ms. */
  t: number;
  /** The x-axis and tooltip label of the bucket. */
  label: string;
  attempts: number;
  channels: number;
  asr: number | null;
  acd: number | null;
  pdd: number | null;
  /** Balance at the end of the bucket, in the customer's currency; null before the first ledger entry. */
  credit: number | null;
}

/** More rows than the server ever sends (500): guards against a malformed cached entry. */
const MAX_ROWS = 2_000;

/** Times of day alone while the range fits in a day and a half; with the date beyond. */
export function bucketLabelFormat(rangeMs: number): string {
  return rangeMs <= 36 * 3_600_000 ? 'HH:mm' : 'D MMM HH:mm';
}

/**
 * Every bucket of the range in order, from the points (sums) the server sent. The server
 * leaves out buckets without traffic: for counts that is zero, for ratios no value, so a
 * quiet hour shows as a gap in the ASR line rather than a drop to 0%. Ratios are computed
 * per bucket with the shared formulas from the bucket's sums.
 */
export function chartRows(h: TrafficHistory): ChartRow[] {
  const from = Date.parse(h.from);
  const to = Date.parse(h.to);
  const step = h.bucketSeconds * 1000;
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(step > 0) || to <= from) return [];

  const byBucket = new Map<number, TrafficPoint>();
  for (const p of h.points) byBucket.set(Math.floor((p.t - from) / step), p);
  const credit = [...h.credit].sort((a, b) => a.t - b.t);
  const format = bucketLabelFormat(to - from);

  const rows: ChartRow[] = [];
  let next = 0;
  let balance: number | null = null;
  for (let k = 0; k < MAX_ROWS; k++) {
    const t = from + k * step;
    if (t >= to) break;
    // The balance a bucket shows is the latest one known by its start (an entry of the bucket itself included).
    for (; next < credit.length && credit[next]!.t <= t; next++) balance = Number(credit[next]!.balance);
    const p = byBucket.get(k);
    rows.push({
      t,
      label: dayjs(t).format(format),
      attempts: p?.attempts ?? 0,
      channels: p?.channelsPeak ?? 0,
      asr: p ? (asrPercent(p) ?? null) : null,
      acd: p ? (acdSeconds(p) ?? null) : null,
      pdd: p ? (pddSeconds(p) ?? null) : null,
      credit: balance,
    });
  }
  return rows;
}

/** True when a series has something to draw (a line of nulls is an empty chart). */
export function hasValues(rows: readonly ChartRow[], key: 'asr' | 'acd' | 'pdd' | 'credit'): boolean {
  return rows.some((r) => r[key] !== null);
}

/** True when some value has no value either side: a line alone would not show it, so it needs a dot. */
export function hasIsolatedValues(rows: readonly ChartRow[], key: 'asr' | 'acd' | 'pdd' | 'credit'): boolean {
  return rows.some((r, i) => r[key] !== null && (rows[i - 1]?.[key] ?? null) === null && (rows[i + 1]?.[key] ?? null) === null);
}
