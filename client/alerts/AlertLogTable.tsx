import { Badge, Text, Tooltip } from '@mantine/core';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useMemo } from 'react';
import type { AlertEvent } from '../../shared/alert-rule.js';
import { formatAgo } from '../format/relative-time.js';
import { formatAreaValue, formatTimestamp } from './alert-format.js';
import type { CustomerBrief } from './use-customer-lookup.js';

export interface AlertLogTableProps {
  events: AlertEvent[];
  fetching: boolean;
  now: number;
  customers: ReadonlyMap<string, CustomerBrief>;
}

function valueText(e: AlertEvent, currency: string | undefined): string {
  const threshold = formatAreaValue(e.area, e.threshold, currency);
  return e.value === null ? `— vs ${threshold}` : `${formatAreaValue(e.area, e.value, currency)} vs ${threshold}`;
}

/** Fired and cleared alerts, newest first. */
export function AlertLogTable({ events, fetching, now, customers }: AlertLogTableProps) {
  const columns = useMemo<DataTableColumn<AlertEvent>[]>(
    () => [
      {
        accessor: 'at',
        title: 'Time',
        noWrap: true,
        render: (e) => (
          <Tooltip label={formatTimestamp(e.at)} withArrow>
            <Text component="time" dateTime={e.at} size="sm" aria-label={formatTimestamp(e.at)}>
              {formatAgo(Date.parse(e.at), now)}
            </Text>
          </Tooltip>
        ),
      },
      { accessor: 'customerName', title: 'Customer' },
      { accessor: 'ruleName', title: 'Rule' },
      {
        accessor: 'kind',
        title: 'Event',
        noWrap: true,
        render: (e) => (
          <Badge variant="light" color={e.kind === 'fired' ? 'red' : 'green'}>
            {e.kind === 'fired' ? 'Fired' : 'Cleared'}
          </Badge>
        ),
      },
      { accessor: 'value', title: 'Value vs threshold', noWrap: true, render: (e) => valueText(e, customers.get(e.customerId)?.currency) },
      {
        accessor: 'penaltyUntil',
        title: 'Penalty until',
        noWrap: true,
        render: (e) =>
          e.penaltyUntil ? (
            <Text size="sm" c={Date.parse(e.penaltyUntil) <= now ? 'dimmed' : undefined} title={Date.parse(e.penaltyUntil) <= now ? 'Ended' : undefined}>
              {formatTimestamp(e.penaltyUntil)}
            </Text>
          ) : (
            '—'
          ),
      },
    ],
    [now, customers],
  );

  return (
    <DataTable<AlertEvent>
      aria-label="Alerts log"
      records={events}
      columns={columns}
      fetching={fetching}
      withTableBorder
      borderRadius="sm"
      striped
      verticalSpacing={6}
      fz="sm"
      minHeight={events.length === 0 ? 160 : undefined}
      noRecordsText="No alerts yet. Fired and cleared alerts appear here."
    />
  );
}
