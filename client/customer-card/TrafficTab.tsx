import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import { Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { chartRows } from './traffic-series.js';
import { trafficStats } from './traffic-stats.js';
import { customRangeError, defaultCustomRange, type TimeRange, type TrafficWindow } from './traffic-window.js';
import { TrafficCharts } from './TrafficCharts.js';
import { TrafficFreshness } from './TrafficFreshness.js';
import { TrafficStatGrid } from './TrafficStatGrid.js';
import { TrafficWindowPicker, type WindowChoice } from './TrafficWindowPicker.js';
import { useOnline } from '../sync/use-online.js';
import { useTrafficHistory } from './use-traffic-history.js';

/** A customer's traffic over a chosen window: the figures, then a chart per measure. */
export function TrafficTab({ customer }: { customer: CustomerListRow }) {
  const online = useOnline();
  const [choice, setChoice] = useState<WindowChoice>('24h');
  const [custom, setCustom] = useState<Partial<TimeRange>>(() => defaultCustomRange(Date.now()));
  const rangeError = choice === 'custom' ? customRangeError(custom.from, custom.to) : undefined;

  // A stable window object: the history hook refetches when it changes.
  const trafficWindow = useMemo<TrafficWindow | undefined>(() => {
    if (choice !== 'custom') return { kind: 'preset', preset: choice };
    return custom.from !== undefined && custom.to !== undefined && !rangeError ? { kind: 'custom', from: custom.from, to: custom.to } : undefined;
  }, [choice, custom.from, custom.to, rangeError]);

  const state = useTrafficHistory(customer.id, trafficWindow, online);
  const history = trafficWindow ? state.history : undefined;
  const stats = useMemo(() => trafficStats(history), [history]);
  const rows = useMemo(() => (history ? chartRows(history) : []), [history]);

  return (
    <Stack gap="sm">
      <TrafficWindowPicker choice={choice} onChoice={setChoice} custom={custom} onCustom={setCustom} error={rangeError} />
      {trafficWindow && <TrafficFreshness state={state} />}
      <TrafficStatGrid stats={stats} />
      <TrafficCharts rows={rows} currency={customer.currency} ready={history !== undefined} />
    </Stack>
  );
}
