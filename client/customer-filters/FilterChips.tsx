import { Button, Group, Pill } from '@mantine/core';
import type { FilterNode } from '../../shared/customer-filter.js';
import { describeFilter } from './describe-filter.js';

export interface FilterChipsProps {
  filters: readonly FilterNode[];
  onRemove: (filter: FilterNode) => void;
  onClear: () => void;
}

/** The typed filters in force, all of which a row must pass, each removable on its own. */
export function FilterChips({ filters, onRemove, onClear }: FilterChipsProps) {
  if (filters.length === 0) return null;
  return (
    <Group gap="xs" role="list" aria-label="Filters in force">
      {filters.map((f) => {
        const text = describeFilter(f);
        return (
          // Mantine hides a pill's × from keyboards and screen readers (it expects Backspace in an input): here it is the way to remove.
          <Pill
            key={text}
            role="listitem"
            size="md"
            withRemoveButton
            onRemove={() => onRemove(f)}
            removeButtonProps={{ 'aria-label': `Remove filter: ${text}`, 'aria-hidden': false, tabIndex: 0 }}
          >
            {text}
          </Pill>
        );
      })}
      {filters.length > 1 && (
        <Button variant="subtle" size="compact-sm" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
