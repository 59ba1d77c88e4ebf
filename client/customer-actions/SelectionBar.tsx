import { Button, CloseButton, Group, Menu, Paper, Text } from '@mantine/core';
import { IconChevronDown, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import type { StaffStatus } from './bulk-edit-values.js';
import type { CustomerView } from '../customer-index/customer-query.js';

const STAFF_STATUSES: StaffStatus[] = ['active', 'inactive', 'pending', 'pending_approval'];

export interface SelectionBarProps {
  count: number;
  /** Selected customers the current search, status or filters hide: actions leave them alone. */
  hidden: number;
  onDropHidden: () => void;
  view: CustomerView;
  canDelete: boolean;
  onBulkEdit: () => void;
  onSetStatus: (status: StaffStatus) => void;
  onDelete: () => void;
  onRestore: () => void;
  onClear: () => void;
}

/** What can be done with the selected customers. */
export function SelectionBar(p: SelectionBarProps) {
  if (p.count === 0 && p.hidden === 0) return null;
  // Everything selected is hidden: nothing to act on until the filters show some of it again.
  const none = p.count === 0;
  return (
    <Paper withBorder radius="sm" px="sm" py={6} bg="var(--mantine-color-blue-light)">
      <Group gap="sm">
        <Text size="sm" fw={600}>
          {p.count.toLocaleString('en')} selected
        </Text>
        {p.hidden > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {`+ ${p.hidden.toLocaleString('en')} hidden by the filters, left alone`}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={p.onDropHidden}>
              Unselect hidden
            </Button>
          </>
        )}
        {p.view === 'customers' ? (
          <>
            <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={p.onBulkEdit} disabled={none}>
              Bulk edit
            </Button>
            <Menu withInitialFocusPlaceholder={false} position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />} disabled={none}>
                  Set status
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {STAFF_STATUSES.map((s) => (
                  <Menu.Item key={s} onClick={() => p.onSetStatus(s)}>
                    {STATUS_LABELS[s]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {p.canDelete && (
              <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} />} onClick={p.onDelete} disabled={none}>
                Delete
              </Button>
            )}
          </>
        ) : (
          p.canDelete && (
            <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} onClick={p.onRestore} disabled={none}>
              Restore
            </Button>
          )
        )}
        <CloseButton ml="auto" size="sm" aria-label="Clear selection" onClick={p.onClear} />
      </Group>
    </Paper>
  );
}
