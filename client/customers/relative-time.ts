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

/** "1 Feb 2026, 14:05" in the user's time zone. */
export function formatDateTime(time: string): string {
  const t = dayjs(time);
  return t.isValid() ? t.format('D MMM YYYY, HH:mm') : time;
}
