import { acdSeconds, asrPercent, nerPercent, pddSeconds } from '../../shared/metrics.js';
import type { TrafficHistory } from '../../shared/traffic-history.js';
import { formatCount, formatDuration, formatPercent, formatSeconds } from '../format/format-metrics.js';

export interface TrafficStat {
  label: string;
  value: string;
  /** What the figure means, where the name alone could mislead. */
  hint?: string;
}

const DASH = '-';

/**
 * The figures of a window, from its totals (weighted sums, never an average of bucket
 * ratios). Without attempts every call figure is "-", not 0 or 0%; the peaks are "-" when
 * the window holds no traffic at all.
 */
export function trafficStats(h: TrafficHistory | undefined): TrafficStat[] {
  const totals = h?.totals;
  const called = totals !== undefined && totals.attempts > 0;
  const points = h?.points ?? [];
  const peak = (pick: (p: (typeof points)[number]) => number) => (points.length > 0 ? formatCount(Math.max(...points.map(pick))) : DASH);
  return [
    { label: 'Attempts', value: called ? formatCount(totals.attempts) : DASH },
    { label: 'Answered', value: called ? formatCount(totals.answered) : DASH },
    { label: 'ASR', value: called ? formatPercent(asrPercent(totals)) : DASH, hint: 'Answered / attempts' },
    { label: 'NER', value: called ? formatPercent(nerPercent(totals)) : DASH, hint: 'Answered, busy, no answer and rejected / attempts' },
    { label: 'ACD', value: called ? formatDuration(acdSeconds(totals)) : DASH, hint: 'Average talk time of answered calls only' },
    { label: 'Avg PDD', value: called ? formatSeconds(pddSeconds(totals)) : DASH, hint: 'Average post-dial delay' },
    { label: 'Peak CPS', value: peak((p) => p.cpsPeak), hint: 'Most new calls in one second' },
    { label: 'Peak channels', value: peak((p) => p.channelsPeak), hint: 'Most calls up at once' },
  ];
}
