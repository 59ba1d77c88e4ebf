import type { DataTableColumn } from 'mantine-datatable';
import { useMemo, type ReactNode } from 'react';
import { DEFAULT_VISIBLE_COLUMNS, GRID_COLUMN_IDS, type GridColumnId } from '../../shared/grid-view.js';
import { availableCredit } from '../../shared/warnings.js';
import { CUSTOMER_FIELDS } from '../customer-index/customer-fields.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { acdSeconds, callsPerSecond, lastCallAt, liveChannels, pddSeconds } from '../customer-index/customer-metrics.js';
import type { CustomerSort, CustomerView } from '../customer-index/customer-query.js';
import { formatCount, formatDuration, formatLimit, formatPercent, formatRate, formatSeconds } from '../format/format-metrics.js';
import { formatMoney } from '../format/format-money.js';
import { fromNow } from '../format/relative-time.js';
import { AsrCell } from './AsrCell.js';
import { ChannelsCell } from './ChannelsCell.js';
import { CountryCell } from './CountryCell.js';
import { CreditCell } from './CreditCell.js';
import { LastCallCell } from './LastCallCell.js';
import { LiveCell } from './LiveCell.js';
import { NameCell } from './NameCell.js';
import { SortMark } from './SortMark.js';
import { StatusBadge } from './StatusBadge.js';
import { TagBadges } from './TagBadges.js';

type Column = DataTableColumn<IndexedCustomer> & { accessor: GridColumnId };
type Show = (row: IndexedCustomer) => ReactNode;

const number = (id: GridColumnId, format: (v: number | undefined) => string): Show => {
  const read = CUSTOMER_FIELDS[id].value as (r: IndexedCustomer) => number | undefined;
  return (r) => format(read(r));
};
const date = (read: (r: IndexedCustomer) => string | number | undefined): Show => (r) => {
  const t = read(r);
  return t === undefined ? '-' : <LastCallCell time={typeof t === 'number' ? t : Date.parse(t)} />;
};
const orDash = (v: string | undefined) => v ?? '-';

/**
 * How each column's cells look. Cells take the fields they show, not the row, so their
 * memos skip rows whose shown fields are unchanged; metric cells read the metric
 * accessors ("-" without figures or attempts).
 */
function cellsFor(onOpen: (id: string) => void): Record<GridColumnId, Show> {
  return {
    name: (r) => <NameCell id={r.id} name={r.customer.name} accountRef={r.customer.accountRef} warnings={r.warnings} onOpen={onOpen} />,
    accountRef: (r) => orDash(r.customer.accountRef),
    accountManager: (r) => orDash(r.customer.accountManager),
    currency: (r) => r.customer.currency,
    credit: ({ customer: c, cannotDial }) => <CreditCell credit={c.credit} debitLimit={c.debitLimit} currency={c.currency} cannotDial={cannotDial} />,
    debitLimit: ({ customer: c }) => formatMoney(c.debitLimit, c.currency),
    availableBalance: ({ customer: c }) => formatMoney(availableCredit(c), c.currency),
    dailySpendLimit: ({ customer: c }) => (c.dailySpendLimit === undefined ? '-' : formatMoney(c.dailySpendLimit, c.currency)),
    channels: (r) => <ChannelsCell live={liveChannels(r)} limit={r.customer.channels} />,
    channelLimit: (r) => formatLimit(r.customer.channels),
    cpsLimit: (r) => formatLimit(r.customer.cpsLimit),
    status: ({ customer: c }) => <StatusBadge status={c.status} penaltyUntil={c.penaltyUntil} statusBeforePenalty={c.statusBeforePenalty} />,
    penaltyUntil: date((r) => r.customer.penaltyUntil),
    lastCall: (r) => <LastCallCell time={lastCallAt(r)} />,
    asr: (r) => <AsrCell metrics={r.metrics} />,
    acd: (r) => formatDuration(acdSeconds(r)),
    pdd: (r) => formatSeconds(pddSeconds(r)),
    cps: (r) => formatRate(callsPerSecond(r)),
    cpsPeak: number('cpsPeak', formatRate),
    attempts1h: number('attempts1h', formatCount),
    answered1h: number('answered1h', formatCount),
    ner1h: number('ner1h', formatPercent),
    attempts24h: number('attempts24h', formatCount),
    answered24h: number('answered24h', formatCount),
    asr24h: number('asr24h', formatPercent),
    ner24h: number('ner24h', formatPercent),
    acd24h: number('acd24h', formatDuration),
    pdd24h: number('pdd24h', formatSeconds),
    country: (r) => <CountryCell code={r.customer.country} />,
    tags: (r) => <TagBadges tags={r.customer.tags} />,
    contacts: (r) => formatCount(r.customer.counts.contacts),
    portalAccess: (r) => (r.customer.portalAccess ? 'Yes' : 'No'),
    createdAt: date((r) => r.customer.createdAt),
    updatedAt: date((r) => r.customer.updatedAt),
    deletedAt: (r) => `Deleted ${fromNow(r.customer.deletedAt)}`,
  };
}

/** The trash shows when a customer was deleted where the list shows the last call; its columns are fixed. */
const TRASH_COLUMNS: readonly GridColumnId[] = DEFAULT_VISIBLE_COLUMNS.map((id) => (id === 'lastCall' ? 'deletedAt' : id));

/**
 * The grid's columns: every field and figure, in the catalog's order. Which are shown, in
 * what order, how wide and pinned is the grid's stored column state (grid-columns-storage.ts);
 * the name column cannot be hidden. Accessors are the column ids the sort and the views use.
 * Titles carry the sort level's number when more than one column sorts.
 */
export function useCustomerColumns(view: CustomerView, onOpen: (id: string) => void, sort: CustomerSort): Column[] {
  const cells = useMemo(() => cellsFor(onOpen), [onOpen]);
  return useMemo(() => {
    const ids = view === 'trash' ? TRASH_COLUMNS : GRID_COLUMN_IDS.filter((id) => id !== 'deletedAt');
    return ids.map((id): Column => {
      const spec = CUSTOMER_FIELDS[id];
      const level = sort.findIndex((l) => l.column === id);
      const show = cells[id];
      return {
        accessor: id,
        title: sort.length > 1 && level >= 0 ? <SortMark title={spec.title} level={level + 1} direction={sort[level]!.direction} primary={level === 0} /> : spec.title,
        sortable: true,
        noWrap: true,
        ...(spec.numeric ? { textAlign: 'right' as const } : {}),
        ...(view === 'trash'
          ? {}
          : { draggable: true, resizable: true, pinnable: true, toggleable: id !== 'name', defaultToggle: DEFAULT_VISIBLE_COLUMNS.includes(id) }),
        // Cells show the customer's current row (LiveCell), so an edit of rows in place needs no new grid records.
        render: (record) => <LiveCell record={record} render={show} />,
      };
    });
  }, [view, cells, sort]);
}
