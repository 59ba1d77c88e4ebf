import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import type { FilterNode } from '../../shared/customer-filter.js';
import { QUICK_FILTERS, type QuickFilter } from '../../shared/quick-filters.js';
import { hasFilter } from './filter-list.js';

export interface FilterMenuProps {
  active: readonly FilterNode[];
  onToggle: (quick: QuickFilter) => void;
}

/**
 * The one-click filters for a carrier's daily questions, as checkboxes (several can be on
 * at once without reopening anything); a checked one is also a chip under the toolbar.
 */
export function FilterMenu({ active, onToggle }: FilterMenuProps) {
  return (
    <Popover position="bottom-start" withinPortal shadow="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconFilter size={16} />}>
          Filters
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" fw={600} c="dimmed" mb="xs">
          One click
        </Text>
        <Stack gap={8}>
          {QUICK_FILTERS.map((q) => (
            <Checkbox key={q.id} label={q.label} checked={hasFilter(active, q.filter)} onChange={() => onToggle(q)} />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
