import { Button, Divider, Drawer, Stack, Switch, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { customersCount } from '../format/format-metrics.js';
import type { CustomersToolbarProps } from './CustomersToolbar.js';
import { StatusFilter } from './StatusFilter.js';
import { ViewSwitch } from './ViewSwitch.js';

/** What a phone's Filters drawer holds besides the toolbar's own controls. */
export interface NarrowFilters {
  /** The one-click filters and the condition builder, one under the other. */
  menu: ReactNode;
  /** The typed filters in force, each removable. */
  chips: ReactNode;
  /** How many typed filters are in force. */
  count: number;
}

type DrawerFields = 'status' | 'statusCounts' | 'onStatusChange' | 'warningsOnly' | 'onWarningsOnlyChange' | 'view' | 'trashCount' | 'onViewChange' | 'matching' | 'loaded';

export interface FiltersDrawerProps extends Pick<CustomersToolbarProps, DrawerFields> {
  opened: boolean;
  onClose: () => void;
  filters: NarrowFilters;
}

const DRAWER_STYLES = {
  content: { maxHeight: '90dvh', borderTopLeftRadius: 'var(--mantine-radius-lg)', borderTopRightRadius: 'var(--mantine-radius-lg)' },
  // The footer pads itself, so the sticky button sits on the sheet's bottom edge.
  body: { paddingBottom: 0 },
} as const;

const FOOTER_STYLE = {
  position: 'sticky',
  bottom: 0,
  // Above the inputs' own stacked sections (the number steppers) as they scroll under it.
  zIndex: 3,
  background: 'var(--mantine-color-body)',
  paddingBlock: 'var(--mantine-spacing-sm) var(--mantine-spacing-md)',
  borderTop: '1px solid var(--mantine-color-default-border)',
} as const;

const heading = (text: string) => (
  <Text size="xs" fw={600} c="dimmed">
    {text}
  </Text>
);

/**
 * On a phone, every filter the wide toolbar lays out in a row, as a sheet from the bottom:
 * the view, the status, "Has warnings", the one-click filters, the condition builder and
 * the chips. Filters apply as they change; the footer closes the sheet onto the rows.
 */
export function FiltersDrawer({ opened, onClose, filters, ...p }: FiltersDrawerProps) {
  return (
    <Drawer opened={opened} onClose={onClose} position="bottom" size="auto" title="Filters" styles={DRAWER_STYLES}>
      <Stack gap="md">
        <ViewSwitch view={p.view} trashCount={p.trashCount} onViewChange={p.onViewChange} fullWidth />
        <Stack gap="sm">
          {heading('Status')}
          <StatusFilter value={p.status} counts={p.statusCounts} onChange={p.onStatusChange} w="100%" />
          <Switch size="md" label="Has warnings" checked={p.warningsOnly} onChange={(e) => p.onWarningsOnlyChange(e.currentTarget.checked)} />
        </Stack>
        <Divider />
        {filters.menu}
        {filters.count > 0 && (
          <>
            <Divider />
            <Stack gap="xs">
              {heading('In force')}
              {filters.chips}
            </Stack>
          </>
        )}
        <div style={FOOTER_STYLE}>
          <Button fullWidth size="md" onClick={onClose}>
            {p.loaded ? `Show ${customersCount(p.matching)}` : 'Done'}
          </Button>
        </div>
      </Stack>
    </Drawer>
  );
}
