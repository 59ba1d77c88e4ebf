/** Display of traffic metrics: "-" when there is no value, never 0% or NaN. */
const DASH = '-';

const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

export function formatPercent(v: number | undefined): string {
  return ok(v) ? `${v.toFixed(1)}%` : DASH;
}

/** Seconds as m:ss ("5:07"). */
export function formatDuration(seconds: number | undefined): string {
  if (!ok(seconds)) return DASH;
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function formatSeconds(v: number | undefined): string {
  return ok(v) ? `${v.toFixed(1)} s` : DASH;
}

export function formatCount(v: number | undefined): string {
  return ok(v) ? v.toLocaleString('en') : DASH;
}

/** A concurrent-call or CPS limit: 0 is unlimited. */
export function formatLimit(limit: number): string {
  return limit === 0 ? '∞' : limit.toLocaleString('en');
}

/** "12,345 customers", "1 customer". */
export function customersCount(n: number): string {
  return `${n.toLocaleString('en')} customer${n === 1 ? '' : 's'}`;
}
