import { Badge, Button, Code, Text, Tooltip } from '@mantine/core';
import dayjs from 'dayjs';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useMemo } from 'react';
import type { ApiKeySummary } from '../../shared/api.js';

const day = (t: string) => dayjs(t).format('D MMM YYYY');
const full = (t: string) => dayjs(t).format('D MMM YYYY, HH:mm:ss');

function When({ time, empty }: { time: string | null; empty: string }) {
  if (!time) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Tooltip label={full(time)} withArrow>
      <Text component="time" dateTime={time} size="sm">
        {day(time)}
      </Text>
    </Tooltip>
  );
}

export function ApiKeysTable({ keys, fetching, onRevoke }: { keys: ApiKeySummary[]; fetching: boolean; onRevoke: (k: ApiKeySummary) => void }) {
  const columns = useMemo<DataTableColumn<ApiKeySummary>[]>(
    () => [
      { accessor: 'name', title: 'Name', render: (k) => <Text size="sm" fw={500} td={k.revokedAt ? 'line-through' : undefined}>{k.name}</Text> },
      { accessor: 'prefix', title: 'Key', noWrap: true, render: (k) => <Code>{k.prefix}…</Code> },
      { accessor: 'createdAt', title: 'Created', noWrap: true, render: (k) => <When time={k.createdAt} empty="—" /> },
      { accessor: 'lastUsedAt', title: 'Last used', noWrap: true, render: (k) => <When time={k.lastUsedAt} empty="Never" /> },
      {
        accessor: 'revokedAt',
        title: 'Status',
        render: (k) =>
          k.revokedAt ? (
            <Tooltip label={`Revoked ${full(k.revokedAt)}`} withArrow>
              <Badge variant="light" color="red">
                Revoked
              </Badge>
            </Tooltip>
          ) : (
            <Badge variant="light" color="green">
              Active
            </Badge>
          ),
      },
      {
        accessor: 'actions',
        title: '',
        textAlign: 'right',
        render: (k) =>
          k.revokedAt ? null : (
            <Button size="compact-sm" variant="subtle" color="red" aria-label={`Revoke ${k.name}`} onClick={() => onRevoke(k)}>
              Revoke
            </Button>
          ),
      },
    ],
    [onRevoke],
  );
  return (
    <DataTable<ApiKeySummary>
      aria-label="API keys"
      records={keys}
      columns={columns}
      fetching={fetching}
      withTableBorder
      borderRadius="sm"
      striped
      verticalSpacing={6}
      fz="sm"
      minHeight={keys.length === 0 ? 160 : undefined}
      noRecordsText="No API keys yet. Create one for each switch that sends call records."
    />
  );
}
