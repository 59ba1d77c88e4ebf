import { ActionIcon, Badge, Group, Switch, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { useMemo } from 'react';
import type { AlertRule } from '../../shared/alert-rule.js';
import { areaName, formatCondition, formatPenalty, formatSample } from './alert-format.js';
import type { CustomerBrief } from './use-customer-lookup.js';

export interface AlertRulesTableProps {
  rules: AlertRule[];
  fetching: boolean;
  customers: ReadonlyMap<string, CustomerBrief>;
  /** Undefined for viewers: no switch, no edit or delete. */
  manage?: {
    onEdit: (r: AlertRule) => void;
    onDelete: (r: AlertRule) => void;
    onEnabledChange: (r: AlertRule, enabled: boolean) => void;
  };
}

function targetText(rule: AlertRule, customers: ReadonlyMap<string, CustomerBrief>): string {
  const t = rule.target;
  if (t.kind === 'all') return 'All customers';
  if (t.kind === 'tag') return `Tag “${t.tag}”`;
  const c = customers.get(t.customerId);
  return c ? `${c.name}${c.deleted ? ' (deleted)' : ''}` : t.customerId;
}

export function AlertRulesTable({ rules, fetching, customers, manage }: AlertRulesTableProps) {
  const columns = useMemo<DataTableColumn<AlertRule>[]>(
    () => [
      { accessor: 'name', title: 'Name', render: (r) => <Text fw={500} size="sm">{r.name}</Text> },
      { accessor: 'area', title: 'Area', render: (r) => areaName(r.area) },
      { accessor: 'condition', title: 'Condition', render: (r) => formatCondition(r) },
      { accessor: 'sampleMinutes', title: 'Sample period', noWrap: true, render: (r) => formatSample(r) },
      { accessor: 'target', title: 'Target', render: (r) => targetText(r, customers) },
      { accessor: 'penaltyMinutes', title: 'Penalty', noWrap: true, render: (r) => formatPenalty(r.penaltyMinutes) },
      {
        accessor: 'enabled',
        title: 'Enabled',
        render: (r) =>
          manage ? (
            <Switch aria-label={`Enabled: ${r.name}`} checked={r.enabled} onChange={(e) => manage.onEnabledChange(r, e.currentTarget.checked)} />
          ) : (
            <Badge variant="light" color={r.enabled ? 'green' : 'gray'}>
              {r.enabled ? 'On' : 'Off'}
            </Badge>
          ),
      },
      ...(manage
        ? [
            {
              accessor: 'actions',
              title: <VisuallyHidden>Actions</VisuallyHidden>,
              textAlign: 'right' as const,
              render: (r: AlertRule) => (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={`Edit rule ${r.name}`} onClick={() => manage.onEdit(r)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete rule ${r.name}`} onClick={() => manage.onDelete(r)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ),
            },
          ]
        : []),
    ],
    [customers, manage],
  );

  return (
    <DataTable<AlertRule>
      aria-label="Alert rules"
      records={rules}
      columns={columns}
      fetching={fetching}
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      verticalSpacing={6}
      fz="sm"
      minHeight={rules.length === 0 ? 160 : undefined}
      noRecordsText={manage ? 'No alert rules yet. Add one with “New rule”.' : 'No alert rules yet.'}
    />
  );
}
