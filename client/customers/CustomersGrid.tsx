import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { isSortColumn, type CustomerSort } from '../customer-index/customer-query.js';
import { PAGE_SIZES } from './use-page-size.js';


export interface CustomersGridProps {
  /** The rows of the current page only: the grid never renders more than one page. */
  records: IndexedCustomer[];
  totalRecords: number;
  page: number;
  onPageChange: (page: number) => void;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
  columns: DataTableColumn<IndexedCustomer>[];
  sort: CustomerSort;
  onSortChange: (sort: CustomerSort) => void;
  /** Undefined hides the checkbox column (viewers). */
  selection?: {
    selected: ReadonlySet<string>;
    onPageSelectionChange: (pageIds: string[], selectedOnPage: string[]) => void;
  };
  emptyState: ReactNode;
}

const idOf = (r: IndexedCustomer) => r.id;

/**
 * The customer grid: one page of the computed view, our own sort, selection by id.
 * Memoised: typing in the search box must not re-render a page of rows per keystroke.
 */
export const CustomersGrid = memo(function CustomersGrid(props: CustomersGridProps) {
  const { records, selection, sort, onSortChange } = props;
  const selectedOnPage = useMemo(
    () => (selection ? records.filter((r) => selection.selected.has(r.id)) : undefined),
    [records, selection],
  );
  const sortStatus = useMemo<DataTableSortStatus<IndexedCustomer>>(
    () => ({ columnAccessor: sort.column, direction: sort.direction }),
    [sort],
  );
  const handleSort = useCallback(
    (s: DataTableSortStatus<IndexedCustomer>) => {
      const column = String(s.columnAccessor);
      if (isSortColumn(column)) onSortChange({ column, direction: s.direction });
    },
    [onSortChange],
  );
  const handleSelection = useCallback(
    (rows: IndexedCustomer[]) => selection?.onPageSelectionChange(records.map(idOf), rows.map(idOf)),
    [selection, records],
  );

  return (
    <DataTable<IndexedCustomer>
      idAccessor={idOf}
      records={records}
      columns={props.columns}
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      verticalSpacing={4}
      horizontalSpacing="xs"
      fz="sm"
      height="100%"
      minHeight={240}
      sortStatus={sortStatus}
      onSortStatusChange={handleSort}
      page={props.page}
      onPageChange={props.onPageChange}
      totalRecords={props.totalRecords}
      recordsPerPage={props.pageSize}
      recordsPerPageOptions={PAGE_SIZES}
      onRecordsPerPageChange={props.onPageSizeChange}
      recordsPerPageLabel="Customers per page"
      paginationText={({ from, to, totalRecords }) =>
        `${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${totalRecords.toLocaleString('en')}`
      }
      selectedRecords={selectedOnPage}
      onSelectedRecordsChange={selection ? handleSelection : undefined}
      allRecordsSelectionCheckboxProps={{ 'aria-label': 'Select all customers on this page' }}
      getRecordSelectionCheckboxProps={(r) => ({ 'aria-label': `Select ${r.customer.name}` })}
      emptyState={props.emptyState}
    />
  );
});
