import type { ReactNode } from 'react';
import { ActionIcon, Group, Switch, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { CustomerView, StatusFilter as StatusFilterValue } from '../customer-index/customer-query.js';
import type { NarrowFilters } from './FiltersDrawer.js';
import { NarrowToolbar } from './NarrowToolbar.js';
import { CustomerCount } from './CustomerCount.js';
import { SearchBox } from './SearchBox.js';
import { ViewSwitch } from './ViewSwitch.js';
import { StatusFilter } from './StatusFilter.js';

export interface CustomersToolbarProps {
  search: string;
  onSearchChange: (search: string) => void;
  /** ArrowDown in the search box: on to the rows. */
  onSearchArrowDown?: () => void;
  status: StatusFilterValue;
  statusCounts: Record<StatusFilterValue, number>;
  onStatusChange: (status: StatusFilterValue) => void;
  warningsOnly: boolean;
  onWarningsOnlyChange: (on: boolean) => void;
  view: CustomerView;
  trashCount: number;
  onViewChange: (view: CustomerView) => void;
  /** Customers in the view, and how many the filters leave. */
  total: number;
  matching: number;
  filtered: boolean;
  /** False until the local store has been read: counts are unknown, not zero. */
  loaded: boolean;
  /** Undefined hides the button (viewers). */
  onNew?: () => void;
  /** The typed filters' menu, beside the status filter. */
  filterMenu?: ReactNode;
  /** Which columns show and how dense the rows are (absent in the trash). */
  columnsMenu?: ReactNode;
  /** Export of the view or the selection (absent in the trash). */
  exportMenu?: ReactNode;
  /** The saved views' menu. */
  viewsMenu?: ReactNode;
  /** On a phone: the filters for the drawer that stands in for this row of controls. */
  narrow?: NarrowFilters;
}

/** Search, filters, the customers/trash switch, the counts and the "+" button. */
export function CustomersToolbar(p: CustomersToolbarProps) {
  if (p.narrow) return <NarrowToolbar {...p} filters={p.narrow} />;
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <SearchBox value={p.search} onChange={p.onSearchChange} onArrowDown={p.onSearchArrowDown} />
      <StatusFilter value={p.status} counts={p.statusCounts} onChange={p.onStatusChange} />
      {p.viewsMenu}
      {p.filterMenu}
      {p.columnsMenu}
      {p.exportMenu}
      <Switch label="Has warnings" checked={p.warningsOnly} onChange={(e) => p.onWarningsOnlyChange(e.currentTarget.checked)} />
      <ViewSwitch view={p.view} trashCount={p.trashCount} onViewChange={p.onViewChange} />
      <CustomerCount view={p.view} total={p.total} matching={p.matching} filtered={p.filtered} loaded={p.loaded} />
      {p.onNew && (
        <Tooltip label="New customer" withArrow>
          <ActionIcon size="lg" radius="xl" variant="filled" color="blue" aria-label="New customer" onClick={p.onNew} ml="auto">
            <IconPlus size={20} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
