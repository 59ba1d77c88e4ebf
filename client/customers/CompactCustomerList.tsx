import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import classes from './CompactCustomerList.module.css';
import { CompactCustomerRow } from './CompactCustomerRow.js';
import { CompactListFooter } from './CompactListFooter.js';
import type { CustomersGridProps } from './CustomersGrid.js';

export type CompactCustomerListProps = Pick<CustomersGridProps, 'records' | 'totalRecords' | 'page' | 'onPageChange' | 'pageSize' | 'selection' | 'emptyState'> & {
  onOpen: (id: string) => void;
};

const idOf = (r: IndexedCustomer) => r.id;

/**
 * The customers on a phone, in place of the grid: the same page of the same view, one
 * compact row per customer, selection by the same ids. Memoised like the grid, so typing
 * in the search box re-renders it only when the rows change.
 */
export const CompactCustomerList = memo(function CompactCustomerList(props: CompactCustomerListProps) {
  const { records, selection, page } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // Another page starts at its top, as the grid's does.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [page]);

  const selectedOnPage = useMemo(() => (selection ? records.filter((r) => selection.selected.has(r.id)).map(idOf) : []), [records, selection]);
  const toggle = useCallback(
    (id: string) => {
      const next = selectedOnPage.includes(id) ? selectedOnPage.filter((s) => s !== id) : [...selectedOnPage, id];
      selection?.onPageSelectionChange(records.map(idOf), next);
    },
    [selection, records, selectedOnPage],
  );
  const pageSelection = useMemo(
    () =>
      selection && records.length > 0
        ? {
            all: selectedOnPage.length === records.length,
            some: selectedOnPage.length > 0,
            onChange: (select: boolean) => selection.onPageSelectionChange(records.map(idOf), select ? records.map(idOf) : []),
          }
        : undefined,
    [selection, records, selectedOnPage],
  );

  return (
    <div className={classes.frame}>
      {records.length === 0 ? (
        <div className={classes.empty}>{props.emptyState}</div>
      ) : (
        <div ref={scroller} className={classes.scroller} role="list" aria-label="Customers">
          {records.map((r) => (
            <CompactCustomerRow key={r.id} record={r} onOpen={props.onOpen} onToggle={selection ? toggle : undefined} selected={selectedOnPage.includes(r.id)} />
          ))}
        </div>
      )}
      {records.length > 0 && (
        <CompactListFooter
          page={page}
          onPageChange={props.onPageChange}
          pageSize={props.pageSize}
          shown={records.length}
          total={props.totalRecords}
          pageSelection={pageSelection}
        />
      )}
    </div>
  );
});
