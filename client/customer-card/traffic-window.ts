import dayjs from 'dayjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The server refuses longer ranges (shared/traffic-history.ts). */
export const MAX_RANGE_DAYS = 400;

export const PRESETS = {
  '1h': { label: 'Last hour', short: '1 h', ms: HOUR },
  '24h': { label: '24 hours', short: '24 h', ms: DAY },
  '7d': { label: '7 days', short: '7 d', ms: 7 * DAY },
  '30d': { label: '30 days', short: '30 d', ms: 30 * DAY },
} as const;
export type TrafficPreset = keyof typeof PRESETS;
export const PRESET_KEYS = Object.keys(PRESETS) as TrafficPreset[];

export type TrafficWindow = { kind: 'preset'; preset: TrafficPreset } | { kind: 'custom'; from: number; to: number };

export interface TimeRange {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
}

/**
 * The range a window covers at `now`. A preset ends at the next whole minute, so it
 * includes the minute under way and its buckets start on minute boundaries like the
 * per-minute rollups they sum; a custom range is what was picked.
 */
export function windowRange(w: TrafficWindow, now: number): TimeRange {
  if (w.kind === 'custom') return { from: w.from, to: w.to };
  const to = Math.ceil(now / MINUTE) * MINUTE;
  return { from: to - PRESETS[w.preset].ms, to };
}

/** The cache key of a window: a preset's figures move with time, so only its name identifies it. */
export function windowKey(w: TrafficWindow): string {
  return w.kind === 'preset' ? w.preset : `custom:${w.from}-${w.to}`;
}

/** The query string of `GET /api/customers/:id/traffic`. */
export function trafficQuery({ from, to }: TimeRange): string {
  return new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }).toString();
}

/** Why a picked custom range cannot be asked for, or undefined when it can. */
export function customRangeError(from: number | undefined, to: number | undefined): string | undefined {
  if (from === undefined || to === undefined) return 'Pick both ends of the range';
  if (to <= from) return '“To” must be after “From”';
  if (to - from > MAX_RANGE_DAYS * DAY) return `At most ${MAX_RANGE_DAYS} days at once`;
  return undefined;
}

/** Epoch ms as the DateTimePicker's value ("2026-11-26 14:05:00", local time). */
export function toPickerValue(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

/** The DateTimePicker's value as epoch ms; undefined when empty or unreadable. */
export function fromPickerValue(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const t = dayjs(value);
  return t.isValid() ? t.valueOf() : undefined;
}

/** A custom range to start from when staff switch to it: the last 24 hours, in whole minutes. */
export function defaultCustomRange(now: number): TimeRange {
  const to = Math.ceil(now / MINUTE) * MINUTE;
  return { from: to - DAY, to };
}
