import 'mantine-datatable/styles.css';
import { Box, Stack, VisuallyHidden } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Density, GridColumnState } from '../../shared/grid-view.js';
import { can } from '../../shared/auth.js';
import { useReadiness } from '../app/readiness.js';
import { useSync } from '../sync/sync-context.js';
import { BulkEditModal } from '../customer-actions/BulkEditModal.js';
import { useCustomerColumns } from './customer-columns.js';
import { matchesStatus, rowMatcher, type CustomerSort, type CustomerView } from '../customer-index/customer-query.js';
import { useGridView } from '../customer-views/use-grid-view.js';
import { useSavedViews } from '../customer-views/use-saved-views.js';
import { useDefaultView } from '../customer-views/use-default-view.js';
import { useViewActions } from '../customer-views/use-view-actions.js';
import { ViewsMenu } from '../customer-views/ViewsMenu.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { useViewSelection } from '../customer-actions/use-view-selection.js';
import { CustomerFormModal, type CardTarget } from '../customer-form/CustomerFormModal.js';
import { readCustomerDetails } from '../customer-form/use-customer-details.js';
import { FilterChips } from '../customer-filters/FilterChips.js';
import { FilterMenu, type FilterMenuProps } from '../customer-filters/FilterMenu.js';
import { FilterMenuContent } from '../customer-filters/FilterMenuContent.js';
import { useFilterChoices } from '../customer-filters/use-filter-choices.js';
import { useCustomerFilters } from '../customer-filters/use-customer-filters.js';
import { CompactCustomerList } from './CompactCustomerList.js';
import { CustomersGrid, type GridFocus } from './CustomersGrid.js';
import { CustomersToolbar } from './CustomersToolbar.js';
import { distinctValues, tagsOf } from '../customer-index/distinct-values.js';
import { RowLookupContext } from './LiveCell.js';
import { LoadingCustomers } from './LoadingCustomers.js';
import { NoCustomers } from './NoCustomers.js';
import { NoMatch } from './NoMatch.js';
import { afterNextPaint, optimisticMutate } from '../customer-actions/optimistic-mutate.js';
import { SelectionBanner } from '../customer-actions/SelectionBanner.js';
import { SelectionBar } from '../customer-actions/SelectionBar.js';
import { useCustomerActions } from '../customer-actions/use-customer-actions.js';
import { useCustomerIndex } from '../customer-index/use-customer-index.js';
import { useCustomerView } from '../customer-index/use-customer-view.js';
import { useFirstSync } from './use-first-sync.js';
import { useRowsOnScreen } from './use-rows-on-screen.js';
import { useStoredColumns } from './use-stored-columns.js';
import { useResettingPage } from './use-resetting-page.js';
import { ColumnsMenu } from './ColumnsMenu.js';
import { ExportMenu } from '../customer-export/ExportMenu.js';
import { useUrlIntent } from './use-url-intent.js';
import { useNarrowScreen } from './use-narrow-screen.js';

const TRASH_SORT: CustomerSort = [{ column: 'deletedAt', direction: 'desc' }];
/** Where the table keeps the list's column layout between renders (the view state stays the truth). */
const COLUMNS_KEY = 'trunkline.customers.grid';

// Fills the shell's main area so the grid scrolls inside itself under a sticky header.
const PAGE_HEIGHT =
  'calc(100dvh - var(--app-shell-header-offset, 0rem) - var(--app-shell-footer-offset, 0rem) - 2 * var(--app-shell-padding, 0rem))';

/**
 * The customers page: every customer of the operator, searchable, filterable, sortable
 * and editable in bulk. Views are computed on the in-memory index; the grid renders one page.
 */
export function CustomersPage() {
  const sync = useSync();
  const { rep, mutate, role } = sync;
  const canWrite = can(role, 'customers.write');
  const canDelete = can(role, 'customers.delete');
  const firstSync = useFirstSync();
  const { index, snapshot } = useCustomerIndex(rep, firstSync.catchingUp);
  const { rows, loaded, get } = snapshot;
  const intent = useUrlIntent();
  const narrow = useNarrowScreen();
  const ready = loaded && !(rows.length === 0 && firstSync.waiting);
  useReadiness('customers', ready ? 'ready' : null);

  const [view, setView] = useState<CustomerView>(intent.view);
  // Search, filters, sort, columns and page size are the view (in the URL, saved by name); the trash sorts on its own.
  const gridView = useGridView();
  const savedViews = useSavedViews(rep);
  useDefaultView(savedViews, gridView);
  const viewActions = useViewActions(sync, gridView);
  const { search, status, warningsOnly, pageSize, density } = gridView.state;
  const change = gridView.change;
  const [trashSort, setTrashSort] = useState<CustomerSort>(TRASH_SORT);
  const sort = view === 'trash' ? trashSort : gridView.state.sort;
  const [page, setPage] = useResettingPage([view, sort, search, status, warningsOnly, gridView.state.filters, gridView.state.match, pageSize]);
  const [card, setCard] = useState<CardTarget | null>(() => (intent.openNew && canWrite ? { mode: 'create' } : null));
  const [bulkOpen, setBulkOpen] = useState(false);
  const gridFocus = useRef<GridFocus>(null);

  const filters = useCustomerFilters(gridView);
  const viewFilter = useMemo(
    () => ({ search: search, view, warningsOnly, conditions: filters.conditions, now: filters.now }),
    [search, view, warningsOnly, filters.conditions, filters.now],
  );
  const { counts: viewCounts, statusCounts, visible, visibleIds, page: currentPage, pageRows } = useCustomerView(
    snapshot,
    { ...viewFilter, status, sort },
    page,
    pageSize,
  );

  // Actions on many customers show their result at once, before Replicache has run them: the rows on screen first.
  const onScreen = useRowsOnScreen(visible, currentPage, pageSize);
  const previewedMutate = useMemo(
    () => optimisticMutate(index, { mutate, role }, afterNextPaint, onScreen, (id) => readCustomerDetails(rep, id)),
    [index, mutate, role, onScreen, rep],
  );
  const actions = useCustomerActions(previewedMutate, get);

  // The same filter as the view's: an action reaches only rows the view shows.
  const inView = useMemo(() => {
    const matches = rowMatcher(viewFilter);
    return (row: IndexedCustomer) => matches(row) && matchesStatus(row, status);
  }, [viewFilter, status]);
  const pageIds = useMemo(() => pageRows.map((r) => r.id), [pageRows]);
  const selection = useViewSelection(get, view, inView, pageIds, visibleIds);
  const { selected, ids: selectedIds, clear: clearSelection } = selection;

  const filterChoices = useFilterChoices(rows, filters.now);
  const bulkTags = useMemo(() => (bulkOpen ? distinctValues(rows, tagsOf) : []), [bulkOpen, rows]);
  const openCard = useCallback((id: string) => setCard({ mode: 'edit', id }), []);
  const columns = useCustomerColumns(view, openCard, sort);
  const changeColumns = useCallback((next: GridColumnState[]) => change({ columns: next }), [change]);
  const columnsKey = view === 'trash' ? undefined : COLUMNS_KEY;
  useStoredColumns(columnsKey, gridView.state.columns, changeColumns);
  const filtered = search.trim() !== '' || status !== 'all' || warningsOnly || filters.list.length > 0;
  // Stable handlers and elements keep the memoised grid from re-rendering while typing.
  const changePageSize = useCallback((size: number) => change({ pageSize: size as typeof pageSize }), [change]);
  const changeSort = useCallback((next: CustomerSort) => (view === 'trash' ? setTrashSort(next) : change({ sort: [...next] })), [change, view]);
  const clearFilters = useCallback(() => change({ search: '', status: 'all', warningsOnly: false, filters: [] }), [change]);

  // Changes with what the rows are, not with their contents: the grid then renders the new rows in two steps.
  const viewKey = useMemo(() => ({ view, sort, viewFilter, status, currentPage, pageSize }), [view, sort, viewFilter, status, currentPage, pageSize]);
  const empty = visible.length === 0;
  // The grid keeps its empty state in the page (transparent) even with rows: render it only when empty.
  const emptyState = useMemo(
    () => (empty ? <NoMatch view={view} status={status} filtered={filtered} onClear={clearFilters} /> : <></>),
    [empty, view, status, filtered, clearFilters],
  );
  const changeView = (next: CustomerView) => {
    setView(next);
    setTrashSort(TRASH_SORT);
    clearSelection();
  };
  const onPageSelectionChange = selection.onPageSelectionChange;
  const gridSelection = useMemo(() => (canWrite ? { selected, onPageSelectionChange } : undefined), [canWrite, selected, onPageSelectionChange]);

  const filterMenuProps: FilterMenuProps = { active: filters.list, onToggle: (q) => filters.toggle(q.filter), choices: filterChoices.choices, quickCount: filterChoices.quickCount, onAdd: filters.add };
  const chips = (
    <FilterChips
      filters={filters.list}
      match={filters.match}
      onMatchChange={filters.setMatch}
      onRemove={filters.remove}
      onClear={filters.clear}
      onGroup={narrow ? undefined : filters.group}
      onUngroup={filters.ungroup}
    />
  );

  // What the grid and the phone's list share: the page of rows, paging and selection.
  const pageProps = { records: pageRows, totalRecords: visible.length, page: currentPage, onPageChange: setPage, pageSize, selection: gridSelection, emptyState };
  let body;
  // A new device starts with an empty store: that is "not downloaded yet", not "no customers".
  if (!ready) {
    body = <LoadingCustomers />;
  } else if (view === 'customers' && viewCounts.live === 0) {
    body = <NoCustomers canLoadSamples={can(role, 'sample-data.load')} onNew={canWrite ? () => setCard({ mode: 'create' }) : undefined} />;
  } else if (narrow) {
    // A phone: the same page of rows as a compact list.
    body = (
      <CompactCustomerList {...pageProps} onOpen={openCard} />
    );
  } else {
    body = (
      <CustomersGrid
        {...pageProps}
        viewKey={viewKey}
        onPageSizeChange={changePageSize}
        columns={columns}
        sort={sort}
        onSortChange={changeSort}
        density={density}
        storeColumnsKey={columnsKey}
        onOpen={openCard}
        focusRef={gridFocus}
      />
    );
  }

  return (
    <Stack gap="xs" h={PAGE_HEIGHT} mih={420}>
      {/* The page's heading for screen readers; the navigation already shows where the user is. */}
      <VisuallyHidden>
        <h1>Customers</h1>
      </VisuallyHidden>
      <CustomersToolbar
        search={search}
        onSearchChange={(q) => change({ search: q }, { replace: true })}
        onSearchArrowDown={() => gridFocus.current?.focusRow()}
        status={status}
        statusCounts={statusCounts}
        onStatusChange={(s) => change({ status: s })}
        warningsOnly={warningsOnly}
        onWarningsOnlyChange={(on) => change({ warningsOnly: on })}
        view={view}
        trashCount={viewCounts.trash}
        onViewChange={changeView}
        total={view === 'trash' ? viewCounts.trash : viewCounts.live}
        matching={visible.length}
        filtered={filtered}
        loaded={ready}
        onNew={canWrite ? () => setCard({ mode: 'create' }) : undefined}
        filterMenu={<FilterMenu {...filterMenuProps} />}
        narrow={narrow ? { menu: <FilterMenuContent {...filterMenuProps} stacked />, chips, count: filters.list.length } : undefined}
        viewsMenu={
          view === 'trash' ? undefined : (
            <ViewsMenu
              views={savedViews.views}
              defaultId={savedViews.defaultId}
              state={gridView.state}
              savedId={gridView.savedId}
              userId={sync.userId}
              role={role}
              canShare={can(role, 'views.share')}
              actions={viewActions}
            />
          )
        }
        columnsMenu={
          view === 'trash' ? undefined : (
            <ColumnsMenu columns={gridView.state.columns} onColumnsChange={changeColumns} density={density} onDensityChange={(d: Density) => change({ density: d })} />
          )
        }
        exportMenu={view === 'trash' ? undefined : <ExportMenu rows={visible} selectedIds={selectedIds} columns={gridView.state.columns} />}
      />
      {/* On a phone the chips are in the Filters drawer. */}
      {!narrow && chips}
      {canWrite && (
        <>
          <SelectionBanner
            pageSize={pageRows.length}
            matching={visible.length}
            pageAllSelected={selection.pageAllSelected}
            allMatchingSelected={selection.allMatchingSelected}
            onSelectAllMatching={selection.selectAllMatching}
            onClear={clearSelection}
          />
          <SelectionBar
            count={selectedIds.length}
            hidden={selection.hidden}
            onDropHidden={selection.dropHidden}
            view={view}
            canDelete={canDelete}
            onBulkEdit={() => setBulkOpen(true)}
            onSetStatus={(s) => void actions.setStatus(selectedIds, s)}
            onDelete={() => actions.confirmDelete(selectedIds, clearSelection)}
            onRestore={() => {
              void actions.restore(selectedIds);
              clearSelection();
            }}
            onClear={clearSelection}
          />
        </>
      )}
      {/* Cells and compact rows look rows up by id in the current snapshot, so an edit in place re-renders only them. */}
      <Box style={{ flex: 1, minHeight: 0 }}>
        <RowLookupContext.Provider value={get}>{body}</RowLookupContext.Provider>
      </Box>
      <BulkEditModal
        opened={bulkOpen}
        count={selectedIds.length}
        tagSuggestions={bulkTags}
        onClose={() => setBulkOpen(false)}
        onApply={(patch) => void actions.bulkUpdate(selectedIds, patch, () => setBulkOpen(false))}
      />
      <CustomerFormModal target={card} rows={rows} loaded={loaded && !firstSync.waiting} get={get} sync={sync} readOnly={!canWrite} onClose={() => setCard(null)} />
    </Stack>
  );
}
