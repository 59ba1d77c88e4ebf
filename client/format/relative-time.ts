import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** "3 minutes ago", or "-" when there is no time. */
export function fromNow(time: string | number | undefined, now?: number): string {
  if (time === undefined) return '-';
  const t = dayjs(time);
  if (!t.isValid()) return '-';
  return now === undefined ? t.fromNow() : t.from(dayjs(now));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, compact enough for a grid column: "just now" within a minute (and for a
 * time slightly ahead of this device's clock), "2 min ago", "3 h ago", "5 days ago", then
 * the date. "-" when there is no time.
 */
export function formatAgo(time: number | undefined, now: number): string {
  if (time === undefined || !Number.isFinite(time)) return '-';
  const ago = now - time;
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  const days = Math.floor(ago / DAY);
  if (days < 30) return days === 1 ? '1 day ago' : `${days} days ago`;
  return dayjs(time).format('D MMM YYYY');
}

/** "1 Feb 2026, 14:05" in the user's time zone. */
export function formatDateTime(time: string | number): string {
  const t = dayjs(time);
  return t.isValid() ? t.format('D MMM YYYY, HH:mm') : String(time);
}
