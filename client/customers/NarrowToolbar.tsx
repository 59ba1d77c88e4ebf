import { ActionIcon, Badge, Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilter, IconPlus, IconTrash } from '@tabler/icons-react';
import { CustomerCount } from './CustomerCount.js';
import type { CustomersToolbarProps } from './CustomersToolbar.js';
import { FiltersDrawer, type NarrowFilters } from './FiltersDrawer.js';
import { SearchBox } from './SearchBox.js';

/**
 * The toolbar on a phone: the search box across the screen, then one Filters button
 * (counting the filters in force) that opens everything else in a drawer, the counts and
 * the "+" button.
 */
export function NarrowToolbar({ filters, ...p }: CustomersToolbarProps & { filters: NarrowFilters }) {
  const [opened, { open, close }] = useDisclosure(false);
  const inForce = filters.count + (p.status === 'all' ? 0 : 1) + (p.warningsOnly ? 1 : 0);
  return (
    <Stack gap={8}>
      {/* A block of its own: the box's flex sizing is meant for the wide toolbar's row. */}
      <div>
        <SearchBox value={p.search} onChange={p.onSearchChange} placeholder="Search name, ref, email, IP…" />
      </div>
      <Group gap="sm" wrap="nowrap">
        <Button
          variant={inForce > 0 ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          rightSection={
            inForce > 0 ? (
              <Badge size="sm" circle>
                {inForce}
              </Badge>
            ) : undefined
          }
          aria-label={inForce > 0 ? `Filters, ${inForce} in force` : undefined}
          onClick={open}
          style={{ flex: 'none' }}
        >
          Filters
        </Button>
        {p.viewsMenu}
        {/* Unfiltered, the count already says "in the trash". */}
        {p.view === 'trash' && p.filtered && (
          <Badge variant="light" color="gray" leftSection={<IconTrash size={12} />} style={{ flex: 'none' }}>
            Trash
          </Badge>
        )}
        <CustomerCount view={p.view} total={p.total} matching={p.matching} filtered={p.filtered} loaded={p.loaded} />
        {p.onNew && (
          <ActionIcon size="lg" radius="xl" variant="filled" color="blue" aria-label="New customer" onClick={p.onNew} ml="auto" style={{ flex: 'none' }}>
            <IconPlus size={20} />
          </ActionIcon>
        )}
      </Group>
      <FiltersDrawer opened={opened} onClose={close} filters={filters} {...p} />
    </Stack>
  );
}
