import type { DataTableColumn } from 'mantine-datatable';
import { useMemo, type ReactNode } from 'react';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { AsrCell } from './AsrCell.js';
import { ChannelsCell } from './ChannelsCell.js';
import { acdSeconds, callsPerSecond, lastCallAt, liveChannels, pddSeconds } from '../customer-index/customer-metrics.js';
import type { CustomerView, SortColumn } from '../customer-index/customer-query.js';
import { CountryCell } from './CountryCell.js';
import { CreditCell } from './CreditCell.js';
import { LastCallCell } from './LastCallCell.js';
import { LiveCell } from './LiveCell.js';
import { formatDuration, formatRate, formatSeconds } from '../format/format-metrics.js';
import { NameCell } from './NameCell.js';
import { fromNow } from '../format/relative-time.js';
import { StatusBadge } from './StatusBadge.js';
import { TagBadges } from './TagBadges.js';

type Column = DataTableColumn<IndexedCustomer> & { accessor: SortColumn };

// Every column is sortable and stays on one line, which keeps rows compact. Cells show the
// customer's current row (LiveCell), so an edit of rows in place needs no new grid records.
const column = (accessor: SortColumn, title: string, show: (row: IndexedCustomer) => ReactNode, textAlign?: 'right'): Column => ({
  accessor,
  title,
  sortable: true,
  noWrap: true,
  ...(textAlign ? { textAlign } : {}),
  render: (record) => <LiveCell record={record} render={show} />,
});

const metric = (accessor: SortColumn, title: string, value: (r: IndexedCustomer) => string): Column =>
  column(accessor, title, (r) => value(r), 'right');

/**
 * The grid's columns. Accessors are the sort column ids, so the grid's sort status maps
 * straight onto our own sort. Metric cells read the metric accessors ("-" without
 * figures or attempts); the ASR cell takes the figures for its colour and hover details.
 */
export function useCustomerColumns(view: CustomerView, onOpen: (id: string) => void): Column[] {
  return useMemo(
    () => [
      // Cells take the fields they show, not the row, so their memos skip rows whose shown fields are unchanged.
      column('name', 'Name', (r) => (
        <NameCell id={r.id} name={r.customer.name} accountRef={r.customer.accountRef} warnings={r.warnings} onOpen={onOpen} />
      )),
      column('credit', 'Credit', ({ customer: c, cannotDial }) => (
        <CreditCell credit={c.credit} debitLimit={c.debitLimit} currency={c.currency} cannotDial={cannotDial} />
      ), 'right'),
      column('channels', 'Channels', (r) => <ChannelsCell live={liveChannels(r)} limit={r.customer.channels} />, 'right'),
      column('status', 'Status', ({ customer: c }) => (
        <StatusBadge status={c.status} penaltyUntil={c.penaltyUntil} statusBeforePenalty={c.statusBeforePenalty} />
      )),
      view === 'trash'
        ? column('deletedAt', 'Deleted', (r) => `Deleted ${fromNow(r.customer.deletedAt)}`)
        : column('lastCall', 'Last call', (r) => <LastCallCell time={lastCallAt(r)} />),
      column('asr', 'ASR', (r) => <AsrCell metrics={r.metrics} />, 'right'),
      metric('acd', 'ACD', (r) => formatDuration(acdSeconds(r))),
      metric('pdd', 'PDD', (r) => formatSeconds(pddSeconds(r))),
      metric('cps', 'CPS', (r) => formatRate(callsPerSecond(r))),
      column('country', 'Country', (r) => <CountryCell code={r.customer.country} />),
      column('tags', 'Tags', (r) => <TagBadges tags={r.customer.tags} />),
    ],
    [view, onOpen],
  );
}
