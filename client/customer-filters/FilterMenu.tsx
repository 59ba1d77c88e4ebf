import { Button, Checkbox, Divider, Group, Popover, Stack, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import type { FilterCondition, FilterNode } from '../../shared/customer-filter.js';
import { QUICK_FILTERS, type QuickFilter } from '../../shared/quick-filters.js';
import { ConditionBuilder } from './ConditionBuilder.js';
import type { FilterField } from './condition-draft.js';
import { hasFilter } from './filter-list.js';

export interface FilterMenuProps {
  active: readonly FilterNode[];
  onToggle: (quick: QuickFilter) => void;
  choices: (field: FilterField) => { value: string; label: string }[];
  onAdd: (condition: FilterCondition) => void;
}

/**
 * The one-click filters for a carrier's daily questions, as checkboxes (several can be on
 * at once without reopening anything); a checked one is also a chip under the toolbar.
 */
export function FilterMenu({ active, onToggle, choices, onAdd }: FilterMenuProps) {
  return (
    <Popover position="bottom-start" withinPortal shadow="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconFilter size={16} />}>
          Filters
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Group align="flex-start" gap="md" wrap="nowrap">
          <div>
            <Text size="xs" fw={600} c="dimmed" mb="xs">
              One click
            </Text>
            <Stack gap={8}>
              {QUICK_FILTERS.map((q) => (
                <Checkbox key={q.id} label={q.label} checked={hasFilter(active, q.filter)} onChange={() => onToggle(q)} />
              ))}
            </Stack>
          </div>
          <Divider orientation="vertical" />
          <div>
            <Text size="xs" fw={600} c="dimmed" mb="xs">
              Add a condition
            </Text>
            <ConditionBuilder choices={choices} onAdd={onAdd} />
          </div>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
