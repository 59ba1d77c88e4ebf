import { Checkbox, Divider, Group, Stack, Text } from '@mantine/core';
import type { FilterCondition, FilterNode } from '../../shared/customer-filter.js';
import { QUICK_FILTERS, type QuickFilter } from '../../shared/quick-filters.js';
import { ConditionBuilder } from './ConditionBuilder.js';
import type { FilterField } from './condition-draft.js';
import { hasFilter } from './filter-list.js';

export interface FilterMenuContentProps {
  active: readonly FilterNode[];
  onToggle: (quick: QuickFilter) => void;
  choices: (field: FilterField) => { value: string; label: string }[];
  /** How many customers each one-click filter keeps (asked only while the menu is open). */
  quickCount?: (quick: QuickFilter) => number;
  onAdd: (condition: FilterCondition) => void;
  /** One section under the other (a phone's drawer) rather than side by side (the popover). */
  stacked?: boolean;
}

/** The one-click filters as checkboxes and the condition builder: what the Filters popover and the phone's drawer hold. */
export function FilterMenuContent({ active, onToggle, choices, quickCount, onAdd, stacked = false }: FilterMenuContentProps) {
  const quick = (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb="xs">
        One click
      </Text>
      {/* Wider spacing on a phone: each checkbox is a finger's target. */}
      <Stack gap={stacked ? 'sm' : 8}>
        {QUICK_FILTERS.map((q) => (
          <Checkbox
            key={q.id}
            label={quickCount ? `${q.label} (${quickCount(q).toLocaleString('en')})` : q.label}
            checked={hasFilter(active, q.filter)}
            onChange={() => onToggle(q)}
          />
        ))}
      </Stack>
    </div>
  );
  const builder = (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb="xs">
        Add a condition
      </Text>
      <ConditionBuilder choices={choices} onAdd={onAdd} w={stacked ? '100%' : undefined} />
    </div>
  );
  if (stacked) {
    return (
      <Stack gap="md">
        {quick}
        <Divider />
        {builder}
      </Stack>
    );
  }
  return (
    <Group align="flex-start" gap="md" wrap="nowrap">
      {quick}
      <Divider orientation="vertical" />
      {builder}
    </Group>
  );
}
