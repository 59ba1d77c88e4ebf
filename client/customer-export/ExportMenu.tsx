import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import type { GridColumnState } from '../../shared/grid-view.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { visibleColumnIds } from './export-cells.js';
import type { ExportFormat } from './export-writer.js';
import { useExport } from './use-export.js';

export interface ExportMenuProps {
  /** The customers the view shows, in its order. */
  rows: readonly IndexedCustomer[];
  /** The selected customers that the view shows. */
  selectedIds: readonly string[];
  /** The view's columns: the export has the visible ones, in their on-screen order. */
  columns: readonly GridColumnState[];
}

const ICONS: Record<ExportFormat, typeof IconFileTypeCsv> = { csv: IconFileTypeCsv, xlsx: IconFileSpreadsheet };

/** Export the view, or the selected customers in it, as a CSV or XLSX file: the visible columns in the view's order. */
export function ExportMenu({ rows, selectedIds, columns }: ExportMenuProps) {
  const { start, running } = useExport();
  const exportRows = (format: ExportFormat, which: readonly IndexedCustomer[]) => start({ format, rows: which, columns: visibleColumnIds(columns) });
  const exportSelection = (format: ExportFormat) => {
    const ids = new Set(selectedIds);
    // The view's rows filtered, not the ids' order: the file follows the view's sort.
    exportRows(format, rows.filter((r) => ids.has(r.id)));
  };
  const item = (format: ExportFormat, label: string, onClick: () => void, disabled: boolean) => {
    const Icon = ICONS[format];
    return (
      <Menu.Item leftSection={<Icon size={16} />} disabled={disabled} onClick={onClick}>
        {label}
      </Menu.Item>
    );
  };
  const count = selectedIds.length.toLocaleString('en');
  return (
    <Menu withInitialFocusPlaceholder={false} position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} aria-busy={running}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {item('csv', 'Export view as CSV', () => exportRows('csv', rows), running || rows.length === 0)}
        {item('xlsx', 'Export view as XLSX', () => exportRows('xlsx', rows), running || rows.length === 0)}
        {selectedIds.length > 0 && (
          <>
            <Menu.Divider />
            {item('csv', `Export selection as CSV (${count})`, () => exportSelection('csv'), running)}
            {item('xlsx', `Export selection as XLSX (${count})`, () => exportSelection('xlsx'), running)}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
