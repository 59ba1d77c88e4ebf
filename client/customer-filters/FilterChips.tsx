import { ActionIcon, Button, Group, Pill, SegmentedControl } from '@mantine/core';
import { IconArrowsSplit } from '@tabler/icons-react';
import type { FilterNode } from '../../shared/customer-filter.js';
import { describeFilter } from './describe-filter.js';
import { GroupFilters } from './GroupFilters.js';
import type { GridViewState } from '../../shared/grid-view.js';

type FilterMatch = GridViewState['match'];

export interface FilterChipsProps {
  filters: readonly FilterNode[];
  /** Whether a row must pass all of them or any. */
  match: FilterMatch;
  onMatchChange: (match: FilterMatch) => void;
  onRemove: (filter: FilterNode) => void;
  onClear: () => void;
  /** Absent: no grouping offered (the phone's drawer). */
  onGroup?: (picked: FilterNode[], op: 'and' | 'or') => void;
  onUngroup?: (group: FilterNode) => void;
}

/** The typed filters in force (a row passes all of them, or any), each removable on its own. */
export function FilterChips({ filters, match, onMatchChange, onRemove, onClear, onGroup, onUngroup }: FilterChipsProps) {
  if (filters.length === 0) return null;
  return (
    <Group gap="xs">
      {filters.length > 1 && (
        <SegmentedControl
          size="xs"
          aria-label="Rows must match"
          value={match}
          onChange={(v) => onMatchChange(v as FilterMatch)}
          data={[
            { value: 'all', label: 'All of' },
            { value: 'any', label: 'Any of' },
          ]}
        />
      )}
      <Group gap="xs" role="list" aria-label="Filters in force">
        {filters.map((f) => {
          // A group reads as one clause: "(Cannot dial or No Routing Set)".
          const text = f.type === 'group' ? `(${describeFilter(f)})` : describeFilter(f);
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
              {f.type === 'group' && onUngroup && (
                <ActionIcon component="span" role="button" tabIndex={0} size="xs" variant="subtle" ml={4} aria-label={`Ungroup: ${text}`} onClick={() => onUngroup(f)}>
                  <IconArrowsSplit size={12} />
                </ActionIcon>
              )}
            </Pill>
          );
        })}
      </Group>
      {onGroup && <GroupFilters conditions={filters.filter((f) => f.type !== 'group')} onGroup={onGroup} />}
      {filters.length > 1 && (
        <Button variant="subtle" size="compact-sm" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
