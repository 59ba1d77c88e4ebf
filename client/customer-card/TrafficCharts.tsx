import { AreaChart, BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { formatCount } from '../format/format-metrics.js';
import { formatMoney } from '../format/format-money.js';
import { ChartCard } from './ChartCard.js';
import { hasIsolatedValues, hasValues, type ChartRow } from './traffic-series.js';

const HEIGHT = 140;

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const oneDecimal = (v: number) => (Number.isFinite(v) ? (Math.round(v * 10) / 10).toLocaleString('en') : '-');

// Shared by every chart: the bucket label under the x-axis, thinned so labels never overlap; three
// y ticks (more crowd a chart this short and recharts then drops some unevenly); one y-axis width
// so the x-axes of charts side by side line up.
const Y_AXIS = { width: 48, tickCount: 3 };
const common = {
  dataKey: 'label',
  h: HEIGHT,
  xAxisProps: { minTickGap: 24 },
  tickLine: 'none' as const,
  gridAxis: 'y' as const,
  tooltipAnimationDuration: 0,
};

/** The window's charts; `ready` once figures arrived, so an empty chart only then says why it is empty. */
export function TrafficCharts({ rows, currency, ready }: { rows: ChartRow[]; currency: string; ready: boolean }) {
  const called = rows.some((r) => r.attempts > 0);
  const answered = hasValues(rows, 'acd');
  const unless = (has: boolean, why: string) => (ready && !has ? why : undefined);
  // Gaps stay gaps (no traffic is no ratio); a bucket alone between gaps gets a dot, or it would not show.
  const line = (key: 'asr' | 'acd' | 'pdd' | 'credit') => ({ withDots: hasIsolatedValues(rows, key), dotProps: { r: 2 }, connectNulls: false });

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
      <ChartCard title="Attempts per bucket" empty={unless(called, 'No calls in this window')}>
        <BarChart {...common} data={rows} series={[{ name: 'attempts', label: 'Attempts', color: 'blue.6' }]} valueFormatter={formatCount} yAxisProps={{ ...Y_AXIS, allowDecimals: false }} />
      </ChartCard>
      <ChartCard title="ASR %" empty={unless(called, 'No calls in this window')}>
        <LineChart {...common} {...line('asr')} data={rows} series={[{ name: 'asr', label: 'ASR %', color: 'teal.6' }]} valueFormatter={oneDecimal} yAxisProps={{ ...Y_AXIS, domain: [0, 100] }} />
      </ChartCard>
      <ChartCard title="ACD s (answered calls)" empty={unless(answered, 'No answered calls')}>
        <LineChart {...common} {...line('acd')} data={rows} series={[{ name: 'acd', label: 'ACD s', color: 'violet.6' }]} valueFormatter={oneDecimal} yAxisProps={Y_AXIS} />
      </ChartCard>
      <ChartCard title="PDD s" empty={unless(hasValues(rows, 'pdd'), 'No post-dial delays')}>
        <LineChart {...common} {...line('pdd')} data={rows} series={[{ name: 'pdd', label: 'PDD s', color: 'orange.6' }]} valueFormatter={oneDecimal} yAxisProps={Y_AXIS} />
      </ChartCard>
      <ChartCard title="Channels (peak)" empty={unless(rows.some((r) => r.channels > 0), 'No calls up')}>
        <AreaChart
          {...common}
          data={rows}
          series={[{ name: 'channels', label: 'Peak channels', color: 'cyan.6' }]}
          curveType="stepAfter"
          withDots={false}
          valueFormatter={formatCount}
          yAxisProps={{ ...Y_AXIS, allowDecimals: false }}
        />
      </ChartCard>
      <ChartCard title={`Credit (${currency})`} empty={unless(hasValues(rows, 'credit'), 'No balance in this window')}>
        <LineChart
          {...common}
          {...line('credit')}
          data={rows}
          series={[{ name: 'credit', label: 'Credit', color: 'green.7' }]}
          curveType="stepAfter"
          valueFormatter={(v) => formatMoney(String(v), currency)}
          yAxisProps={{ ...Y_AXIS, tickFormatter: (v: number) => compact.format(v) }}
        />
      </ChartCard>
    </SimpleGrid>
  );
}
