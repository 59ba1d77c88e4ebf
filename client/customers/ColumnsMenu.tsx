import { Button, Checkbox, Group, Popover, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { DEFAULT_GRID_VIEW, normalizeColumns, type Density, type GridColumnState } from '../../shared/grid-view.js';
import { fieldTitle } from '../customer-index/customer-fields.js';

export interface ColumnsMenuProps {
  columns: readonly GridColumnState[];
  onColumnsChange: (columns: GridColumnState[]) => void;
  density: Density;
  onDensityChange: (density: Density) => void;
}

/**
 * Which columns show, and how dense the rows are. Order, width and pins are set on the
 * headers themselves (drag a title, pull its edge, its pin icon); "Reset" brings back the
 * default layout.
 */
export function ColumnsMenu({ columns, onColumnsChange, density, onDensityChange }: ColumnsMenuProps) {
  const cols = normalizeColumns(columns);
  const shown = cols.filter((c) => !c.hidden).length;
  const toggle = (id: GridColumnState['id']) => onColumnsChange(cols.map((c) => (c.id === id ? { ...c, hidden: !c.hidden } : c)));
  return (
    // Focus moves into the dropdown (it sits at the end of the page, out of Tab's reach) and back on close.
    <Popover position="bottom-start" withinPortal shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          Columns ({shown})
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <SegmentedControl
            size="xs"
            aria-label="Row density"
            value={density}
            onChange={(v) => onDensityChange(v as Density)}
            data={[
              { value: 'compact', label: 'Compact' },
              { value: 'comfortable', label: 'Comfortable' },
            ]}
          />
          <Text size="xs" c="dimmed">
            Drag a title to move its column, pull its edge to resize, pin it with its pin icon.
          </Text>
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap={6} role="group" aria-label="Columns shown">
              {cols.map((c) => (
                <Checkbox key={c.id} size="xs" label={fieldTitle(c.id)} checked={!c.hidden} disabled={c.id === 'name'} onChange={() => toggle(c.id)} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button size="xs" variant="subtle" onClick={() => onColumnsChange(normalizeColumns(DEFAULT_GRID_VIEW.columns))}>
              Reset columns
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
