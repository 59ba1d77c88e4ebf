import { memo } from 'react';
import { formatChannels } from '../format/format-metrics.js';
import classes from './grid-cells.module.css';

/** Calls up now against the channel limit, orange once at the limit (further calls are refused). */
export const ChannelsCell = memo(function ChannelsCell({ live, limit }: { live: number | undefined; limit: number }) {
  const full = live !== undefined && limit > 0 && live >= limit;
  return (
<span className={full ? `${classes.text} ${classes.orange}` : classes.text}>{formatChannels(live, limit)}</span>
  );
});
