import { Button, Checkbox, Group, Popover, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FilterNode } from '../../shared/customer-filter.js';
import { describeFilter } from './describe-filter.js';
import { hasFilter } from './filter-list.js';

export interface GroupFiltersProps {
  /** The conditions in force that can go into a group (groups themselves do not nest further here). */
  conditions: readonly FilterNode[];
  onGroup: (picked: FilterNode[], op: 'and' | 'or') => void;
}

/**
 * Builds a group by hand: tick two or more of the filters in force and choose whether a
 * row must pass any of them or all; the group becomes one chip, combined with the others
 * as the "All of / Any of" switch says ("Cannot dial or No routing", and Status: Active).
 */
export function GroupFilters({ conditions, onGroup }: GroupFiltersProps) {
  const [opened, setOpened] = useState(false);
  const [picked, setPicked] = useState<FilterNode[]>([]);
  const [op, setOp] = useState<'and' | 'or'>('or');
  if (conditions.length < 2) return null;
  const toggle = (f: FilterNode) => setPicked((p) => (hasFilter(p, f) ? p.filter((x) => x !== f) : [...p, f]));
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withinPortal shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="subtle" size="compact-sm" onClick={() => (setPicked([]), setOpened((o) => !o))}>
          Group…
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Group filters">
        <Stack gap="xs" maw={320}>
          <Text size="sm">Rows must match</Text>
          <SegmentedControl
            size="xs"
            aria-label="The group keeps rows matching"
            value={op}
            onChange={(v) => setOp(v as 'and' | 'or')}
            data={[
              { value: 'or', label: 'Any of these' },
              { value: 'and', label: 'All of these' },
            ]}
          />
          {conditions.map((f) => {
            const text = describeFilter(f);
            return <Checkbox key={text} size="xs" label={text} checked={hasFilter(picked, f)} onChange={() => toggle(f)} />;
          })}
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={picked.length < 2}
              onClick={() => {
                onGroup(picked, op);
                setOpened(false);
              }}
            >
              Group {picked.length > 1 ? picked.length : ''} filters
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
