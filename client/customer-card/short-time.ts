import dayjs from 'dayjs';

/**
 * A compact time for table rows: "26 Nov, 14:05" within the current year, "26 Nov 2025, 14:05"
 * before it, "-" without one. Tables in the card are narrow; the year rarely tells anything.
 */
export function shortDateTime(time: string | number | null | undefined, now = Date.now()): string {
  if (time === null || time === undefined) return '-';
  const t = dayjs(time);
  if (!t.isValid()) return '-';
  return t.format(t.year() === dayjs(now).year() ? 'D MMM, HH:mm' : 'D MMM YYYY, HH:mm');
}
