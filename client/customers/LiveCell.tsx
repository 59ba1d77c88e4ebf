import { createContext, memo, useContext, type ReactNode } from 'react';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';

/** The current row of a customer by id, from the index snapshot the page renders. */
export type RowLookup = (id: string) => IndexedCustomer | undefined;

export const RowLookupContext = createContext<RowLookup>(() => undefined);

/**
 * A grid cell that renders the customer's current row, looked up by id, rather than the
 * record the grid was given. When only rows' contents change (a bulk status edit) the
 * page keeps the grid's records as they were, so the table, its rows and checkboxes skip
 * re-rendering; the new lookup reaches these cells through context, and the memoised
 * components inside them re-render only where a shown field changed.
 */
export const LiveCell = memo(function LiveCell({ record, render }: { record: IndexedCustomer; render: (row: IndexedCustomer) => ReactNode }) {
  const lookup = useContext(RowLookupContext);
  return render(lookup(record.id) ?? record);
});
