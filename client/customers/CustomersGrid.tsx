import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { memo, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { gridColumnIdSchema, PAGE_SIZES, type Density } from '../../shared/grid-view.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import type { CustomerSort } from '../customer-index/customer-query.js';
import { nextSort } from '../customer-index/next-sort.js';
import { fieldTitle } from '../customer-index/customer-fields.js';
import { useAccessibleHeader } from './use-accessible-header.js';
import { useRowFocus } from './use-row-focus.js';
import { screenfulOfRows, useTwoStepRows } from './use-two-step-rows.js';
import { useViewport } from './use-viewport.js';
import { formatGrouped } from '../format/format-metrics.js';

export interface CustomersGridProps {
  /** The rows of the current page only: the grid never renders more than one page. */
  records: IndexedCustomer[];
  /** Changes exactly when the view does (filter, search, sort, page, page size): a new view's rows render in two steps, from the top. */
  viewKey: unknown;
  totalRecords: number;
  page: number;
  onPageChange: (page: number) => void;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
  columns: DataTableColumn<IndexedCustomer>[];
  sort: CustomerSort;
  onSortChange: (sort: CustomerSort) => void;
  density: Density;
  /** Where the table keeps its columns' order, visibility, pins and widths (use-stored-columns.ts); undefined: fixed columns. */
  storeColumnsKey: string | undefined;
  /** Undefined hides the checkbox column (viewers). */
  selection?: {
    selected: ReadonlySet<string>;
    onPageSelectionChange: (pageIds: string[], selectedOnPage: string[]) => void;
  };
  emptyState: ReactNode;
  /** Enter on a focused row: opens that customer. */
  onOpen: (id: string) => void;
  /** Lets the page move the keyboard focus into the rows (ArrowDown in the search box). */
  focusRef?: RefObject<GridFocus | null>;
}

export interface GridFocus {
  focusRow: () => void;
}

const idOf = (r: IndexedCustomer) => r.id;
/** The least height of a row (one line of text) at each density, in pixels. */
const MIN_ROW = 36;
const MIN_COMPACT_ROW = 26;
const PAGE_SIZE_OPTIONS = [...PAGE_SIZES];
const FILL = { height: '100%' } as const;
const columnTitle = (accessor: string) => {
  const id = gridColumnIdSchema.safeParse(accessor);
  return id.success ? fieldTitle(id.data) : accessor;
};

/**
 * The customer grid: one page of the computed view, our own sort (shift-click adds a
 * level), selection by id. Memoised: typing in the search box must not re-render a page
 * of rows per keystroke.
 */
export const CustomersGrid = memo(function CustomersGrid(props: CustomersGridProps) {
  const { records, selection, sort, onSortChange } = props;
  const selectedOnPage = useMemo(
    () => (selection ? records.filter((r) => selection.selected.has(r.id)) : undefined),
    [records, selection],
  );
  // The table draws the first level's arrow; the titles number the levels (customer-columns.tsx).
  const sortStatus = useMemo<DataTableSortStatus<IndexedCustomer>>(
    () => ({ columnAccessor: sort[0]!.column, direction: sort[0]!.direction }),
    [sort],
  );
  // The table's sort callback has no event: whether shift was held is noted as the click or key goes by.
  const shift = useRef(false);
  const noteShift = useCallback((e: { shiftKey: boolean }) => {
    shift.current = e.shiftKey;
  }, []);
  const handleSort = useCallback(
    (s: DataTableSortStatus<IndexedCustomer>) => {
      const column = gridColumnIdSchema.safeParse(s.columnAccessor);
      if (column.success) onSortChange(nextSort(sort, column.data, shift.current));
    },
    [onSortChange, sort],
  );
  const handleSelection = useCallback(
    (rows: IndexedCustomer[]) => selection?.onPageSelectionChange(records.map(idOf), rows.map(idOf)),
    [selection, records],
  );
  const compact = props.density === 'compact';
  const viewport = useRef<HTMLDivElement>(null);
  const seen = useViewport(viewport);
  const shown = useTwoStepRows(records, props.viewKey, screenfulOfRows(seen.current.height, compact ? MIN_COMPACT_ROW : MIN_ROW));
  // A new view starts at its first row, as a new page does (the table scrolls those up itself).
  const firstView = useRef(props.viewKey);
  useLayoutEffect(() => {
    // Scrolling lays the page out at once: only when needed, not on every view change.
    if (firstView.current !== props.viewKey && seen.current.scrolled) viewport.current?.scrollTo({ top: 0 });
  }, [props.viewKey, seen]);
  const count = records.length;
  const paginationText = useCallback(
    // The page's own length: the table may hold only its first rows for a frame.
    ({ from, totalRecords }: { from: number; totalRecords: number }) =>
      `${formatGrouped(from)}–${formatGrouped(from + count - 1)} of ${formatGrouped(totalRecords)}`,
    [count],
  );

  const root = useRef<HTMLDivElement>(null);
  useAccessibleHeader(root, columnTitle);
  const { onOpen } = props;
  // Space and Enter on the row the arrow keys reached (use-row-focus.ts).
  const toggleRow = useCallback(
    (index: number) => {
      const row = records[index];
      if (!row || !selectedOnPage) return;
      const on = selectedOnPage.some((r) => r.id === row.id);
      handleSelection(on ? selectedOnPage.filter((r) => r.id !== row.id) : [...selectedOnPage, row]);
    },
    [records, selectedOnPage, handleSelection],
  );
  const openRow = useCallback(
    (index: number) => {
      const row = records[index];
      if (row) onOpen(row.id);
    },
    [records, onOpen],
  );
  const rowFocus = useRowFocus({ count: records.length, container: root, onToggle: selection ? toggleRow : undefined, onOpen: openRow });
  useImperativeHandle(props.focusRef, () => ({ focusRow: rowFocus.focusRow }), [rowFocus.focusRow]);

  return (
    <div ref={root} style={FILL} onClickCapture={noteShift} onKeyDownCapture={noteShift}>
      <DataTable<IndexedCustomer>
        idAccessor={idOf}
        records={shown}
        scrollViewportRef={viewport}
        columns={props.columns}
        storeColumnsKey={props.storeColumnsKey}
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        verticalSpacing={compact ? 4 : 10}
        horizontalSpacing={compact ? 'xs' : 'sm'}
        fz={compact ? 'sm' : 'md'}
        height="100%"
        minHeight={240}
        sortStatus={sortStatus}
        onSortStatusChange={handleSort}
        page={props.page}
        onPageChange={props.onPageChange}
        totalRecords={props.totalRecords}
        recordsPerPage={props.pageSize}
        recordsPerPageOptions={PAGE_SIZE_OPTIONS}
        onRecordsPerPageChange={props.onPageSizeChange}
        recordsPerPageLabel="Customers per page"
        paginationText={paginationText}
        selectedRecords={selectedOnPage}
        onSelectedRecordsChange={selection ? handleSelection : undefined}
        allRecordsSelectionCheckboxProps={{ 'aria-label': 'Select all customers on this page' }}
        getRecordSelectionCheckboxProps={(r) => ({ 'aria-label': `Select ${r.customer.name}` })}
        emptyState={props.emptyState}
        customRowAttributes={rowFocus.rowAttributes}
        rowClassName={rowFocus.rowClassName}
      />
    </div>
  );
});
