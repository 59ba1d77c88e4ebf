import { asrPercent, MIN_ATTEMPTS_FOR_ASR, nerPercent, type TrafficSums } from '../../shared/metrics.js';

/** Display of traffic metrics: "-" when there is no value, never 0% or NaN. */
const DASH = '-';
/** One formatter for every count: a page of rows formats hundreds, and `toLocaleString` looks the locale up each time. */
const GROUPED = new Intl.NumberFormat('en');

/** A number as `toLocaleString('en')` writes it ("100,000"; at most three decimals). */
export const formatGrouped = (n: number): string => GROUPED.format(n);

const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/** Whole percents ("57%"); one decimal under 10%, where a point matters ("4.5%"). */
export function formatPercent(v: number | undefined): string {
  if (!ok(v)) return DASH;
  const tenths = Math.round(v * 10) / 10;
  if (tenths === 0) return '0%';
  return tenths < 10 ? `${tenths.toFixed(1)}%` : `${Math.round(v)}%`;
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
  return ok(v) ? formatGrouped(v) : DASH;
}

/** A per-second rate with one decimal ("1.4"); whole from 100 on. */
export function formatRate(v: number | undefined): string {
  if (!ok(v)) return DASH;
  return v < 100 ? v.toFixed(1) : formatGrouped(Math.round(v));
}

/** A concurrent-call or CPS limit: 0 is unlimited. */
export function formatLimit(limit: number): string {
  return limit === 0 ? '∞' : formatGrouped(limit);
}

/** Channels up against the limit ("12 / 30"); an unlimited customer shows the count alone ("12"). */
export function formatChannels(live: number | undefined, limit: number): string {
  return limit === 0 ? formatCount(live) : `${formatCount(live)} / ${formatLimit(limit)}`;
}

/** The colour of an ASR: none with too few attempts to judge, or in the ordinary middle (40-60%). */
export function asrColor(asr: number | undefined, attempts: number): 'green' | 'orange' | 'red' | undefined {
  if (!ok(asr) || attempts < MIN_ATTEMPTS_FOR_ASR) return undefined;
  if (asr >= 60) return 'green';
  if (asr < 20) return 'red';
  return asr < 40 ? 'orange' : undefined;
}

/** What hovering an ASR tells: the counts behind it and the network effectiveness, for the last hour and day. */
export function asrDetailLines(hour: TrafficSums, day: TrafficSums): string[] {
  const line = (label: string, s: TrafficSums) =>
    `${label}: ${formatCount(s.answered)} of ${formatCount(s.attempts)} attempts answered · ASR ${formatPercent(asrPercent(s))} · NER ${formatPercent(nerPercent(s))}`;
  const lines = [line('Last hour', hour), line('Last 24 h', day)];
  if (hour.attempts < MIN_ATTEMPTS_FOR_ASR) lines.push(`Not coloured under ${MIN_ATTEMPTS_FOR_ASR} attempts in the last hour`);
  return lines;
}

/** "12,345 customers", "1 customer". */
export function customersCount(n: number): string {
  return `${formatGrouped(n)} customer${n === 1 ? '' : 's'}`;
}
