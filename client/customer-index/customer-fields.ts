import type { GridColumnId } from '../../shared/grid-view.js';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import { DATE_READERS, NUMBER_READERS } from './customer-filter-fields.js';
import { acdSeconds, asrPercent, callsPerSecond, lastCallAt, liveChannels, pddSeconds } from './customer-metrics.js';
import type { IndexedCustomer } from './indexed-customer.js';

/**
 * What each grid column is, apart from how it looks: its title, the kind of value it
 * holds, the keys it sorts by and its plain value (what an export writes). The grid's
 * cells (client/customers/), the sort and the export all read columns from here, so a
 * column sorts, shows and exports the same thing.
 */

/** `money` is a number in the row's currency; `date` is epoch ms; `list` is text values. */
export type FieldKind = 'text' | 'number' | 'money' | 'percent' | 'seconds' | 'date' | 'list' | 'boolean';

export type PlainValue = string | number | boolean | readonly string[] | undefined;
export type SortKey = string | number | undefined;

/** One sort key of a column; `ascending` keys ignore the chosen direction (a currency code before the amount). */
export interface SortKeySpec {
  read: (row: IndexedCustomer) => SortKey;
  ascending?: true;
  /** The key is the name's own sort key: rows in name order are already in its order (order-from-name.ts). */
  nameOrder?: true;
}

export interface CustomerField {
  title: string;
  kind: FieldKind;
  /** Undefined is a missing value: blank in an export, last in any sort. */
  value: (row: IndexedCustomer) => PlainValue;
  /** Most significant first. */
  sort: readonly SortKeySpec[];
  /** Numbers line up on the right. */
  numeric: boolean;
}

type Read<T> = (row: IndexedCustomer) => T | undefined;

const key = (read: Read<string | number>): SortKeySpec => ({ read });
const currencyFirst: SortKeySpec = { read: (r) => r.customer.currency, ascending: true };
const unlimited = (n: number) => (n === 0 ? undefined : n);

function field(title: string, kind: FieldKind, value: Read<string | number | boolean | readonly string[]>, sort?: readonly SortKeySpec[]): CustomerField {
  const numeric = kind === 'number' || kind === 'money' || kind === 'percent' || kind === 'seconds';
  return { title, kind, value, sort: sort ?? [key(value as Read<string | number>)], numeric };
}

/** Money sorts by currency first: −SEK 25,242 never sits between two USD amounts. */
const money = (title: string, value: Read<number>): CustomerField => field(title, 'money', value, [currencyFirst, key(value)]);
const number = (title: string, value: Read<number>, kind: FieldKind = 'number'): CustomerField => field(title, kind, value);
const date = (title: string, value: Read<number>): CustomerField => field(title, 'date', value);
const folded = (v: string | undefined) => v?.toLowerCase();

export const CUSTOMER_FIELDS: Record<GridColumnId, CustomerField> = {
  name: field('Name', 'text', (r) => r.customer.name, [{ read: (r) => r.nameKey, nameOrder: true }]),
  accountRef: field('Account ref', 'text', (r) => r.customer.accountRef, [key((r) => folded(r.customer.accountRef))]),
  accountManager: field('Account manager', 'text', (r) => r.customer.accountManager, [key((r) => folded(r.customer.accountManager))]),
  currency: field('Currency', 'text', (r) => r.customer.currency),
  credit: money('Credit', (r) => r.credit),
  debitLimit: money('Debit limit', NUMBER_READERS.debitLimit),
  availableBalance: money('Available', NUMBER_READERS.availableBalance),
  dailySpendLimit: money('Daily spend limit', NUMBER_READERS.dailySpendLimit),
  // Live channels first, then the limit (unlimited above every number), as the cell shows "live / limit".
  channels: field('Channels', 'number', liveChannels, [key(liveChannels), key((r) => r.channelLimit)]),
  channelLimit: field('Channel limit', 'number', (r) => unlimited(r.customer.channels), [key((r) => r.channelLimit)]),
  cpsLimit: field('CPS limit', 'number', (r) => unlimited(r.customer.cpsLimit), [key(NUMBER_READERS.cpsLimit)]),
  status: field('Status', 'text', (r) => STATUS_LABELS[r.customer.status], [key((r) => r.statusRank)]),
  penaltyUntil: date('Penalty ends', DATE_READERS.penaltyUntil),
  lastCall: date('Last call', lastCallAt),
  asr: number('ASR', asrPercent, 'percent'),
  acd: number('ACD', acdSeconds, 'seconds'),
  pdd: number('PDD', pddSeconds, 'seconds'),
  cps: number('CPS', callsPerSecond),
  cpsPeak: number('CPS peak', NUMBER_READERS.cpsPeak),
  attempts1h: number('Attempts 1 h', NUMBER_READERS.attempts1h),
  answered1h: number('Answered 1 h', NUMBER_READERS.answered1h),
  ner1h: number('NER 1 h', NUMBER_READERS.ner1h, 'percent'),
  attempts24h: number('Attempts 24 h', NUMBER_READERS.attempts24h),
  answered24h: number('Answered 24 h', NUMBER_READERS.answered24h),
  asr24h: number('ASR 24 h', NUMBER_READERS.asr24h, 'percent'),
  ner24h: number('NER 24 h', NUMBER_READERS.ner24h, 'percent'),
  acd24h: number('ACD 24 h', NUMBER_READERS.acd24h, 'seconds'),
  pdd24h: number('PDD 24 h', NUMBER_READERS.pdd24h, 'seconds'),
  country: field('Country', 'text', (r) => r.customer.country, [key((r) => r.countryKey)]),
  tags: field('Tags', 'list', (r) => (r.customer.tags.length > 0 ? r.customer.tags : undefined), [key((r) => r.tagsKey)]),
  contacts: number('Contacts', (r) => r.customer.counts.contacts),
  portalAccess: field('Portal access', 'boolean', (r) => r.customer.portalAccess, [key((r) => (r.customer.portalAccess ? 0 : 1))]),
  createdAt: date('Created', DATE_READERS.createdAt),
  updatedAt: date('Updated', DATE_READERS.updatedAt),
  deletedAt: date('Deleted', (r) => r.deletedAtMs),
};

/** The column's title. */
export const fieldTitle = (id: GridColumnId): string => CUSTOMER_FIELDS[id].title;
