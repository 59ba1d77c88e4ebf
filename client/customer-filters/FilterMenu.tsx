import { Button, Popover } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { FilterMenuContent, type FilterMenuContentProps } from './FilterMenuContent.js';

export type FilterMenuProps = Omit<FilterMenuContentProps, 'stacked'>;

/**
 * The one-click filters for a carrier's daily questions, as checkboxes (several can be on
 * at once without reopening anything); a checked one is also a chip under the toolbar.
 */
export function FilterMenu(props: FilterMenuProps) {
  return (
    // Focus moves into the dropdown (it sits at the end of the page, out of Tab's reach) and back on close.
    <Popover position="bottom-start" withinPortal shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconFilter size={16} />}>
          Filters
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <FilterMenuContent {...props} />
      </Popover.Dropdown>
    </Popover>
  );
}
