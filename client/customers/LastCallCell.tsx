import { memo } from 'react';
import { formatAgo, formatDateTime } from '../format/relative-time.js';
import { LazyTooltip } from './LazyTooltip.js';
import { useClock } from '../format/use-clock.js';
import classes from './grid-cells.module.css';

/**
 * When the customer last called, relative ("2 min ago") and moving on with the clock
 * while nothing else changes; the exact time on hover. Memoised on the time.
 */
export const LastCallCell = memo(function LastCallCell({ time }: { time: number | undefined }) {
  const now = useClock();
  if (time === undefined) return '-';
  return (
    <LazyTooltip label={formatDateTime(time)} withArrow>
      <span className={classes.text}>{formatAgo(time, now)}</span>
    </LazyTooltip>
  );
});
