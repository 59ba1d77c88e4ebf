import type { CustomerDetails, CustomerListRow, DetailCounts } from '../../shared/customer-split.js';
import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { moneyToNumber } from '../../shared/money.js';
import { sameValue } from '../../shared/same-value.js';
import { customerWarnings, trafficWarnings, type CustomerWarning, type WarningThresholds } from '../../shared/warnings.js';
import { foldText } from './fold-text.js';

/**
 * One customer as the page needs it: the synced list row plus what filtering and sorting
 * would otherwise recompute on every keystroke (warnings, search text, sort keys). Built
 * once per change of that customer, so a 100,000-row view costs nothing extra.
 *
 * The details (`d/<id>`: contacts, IPs, SIP users, routes) are 60% of a customer's bytes
 * and are not held here: only their search terms are, at the end of `searchText`. The card
 * reads them from the store when it opens, so 100,000 customers' details stay in
 * IndexedDB rather than in the page's memory.
 */
export interface IndexedCustomer {
  readonly id: string;
  /** The list row (`c/<id>`): every field but the four lists, and their counts. */
  readonly customer: CustomerListRow;
  /** Every warning: the record's, then the live figures' (what the icons and "Has warnings" show). */
  readonly warnings: readonly CustomerWarning[];
  /** The record's warnings alone, reused while the fields they read are unchanged. */
  readonly recordWarnings: readonly CustomerWarning[];
  /** Folded (lowercase, no accents) text that search terms are matched against. */
  readonly searchText: string;
  /** Where the details' terms start in `searchText` (its length when there are none). */
  readonly detailTermsAt: number;
  readonly nameKey: string;
  readonly credit: number;
  /** Available credit (credit plus debit limit) is zero or less. */
  readonly cannotDial: boolean;
  readonly statusRank: number;
  readonly countryKey: string | undefined;
  readonly tagsKey: string | undefined;
  /** Channel limit for sorting: unlimited (0) sorts above every number. */
  readonly channelLimit: number;
  readonly deletedAtMs: number | undefined;
  /** Live traffic figures (`m/<id>`), read through customer-metrics.ts; absent until the server has any. */
  readonly metrics?: CustomerMetrics;
}

/**
 * Warnings are computed from these fields only (compared in `indexCustomer` before reuse):
 * the assignment fails to compile if `customerWarnings` starts reading another one.
 */
type WarningFields = 'counts' | 'credit' | 'debitLimit' | 'currency';
const warningsReadOnly: (c: Pick<CustomerListRow, WarningFields>) => CustomerWarning[] = customerWarnings;

// A term can never span two fields because terms hold no whitespace.
const FIELD_SEPARATOR = '\n';

/**
 * Indexes `customer`. With `previous` (the same customer's row before this change), what
 * derives from unchanged fields is reused: a status change of 10,000 customers then costs
 * no search text and no warnings, and rows keep sharing the same strings. The figures and
 * the details' terms are synced apart from the list row, so an edit keeps the previous row's.
 */
export function indexCustomer(
  customer: CustomerListRow,
  previous?: IndexedCustomer,
  metrics = previous?.metrics,
  thresholds?: WarningThresholds,
  /** The details' folded search terms; omitted: the previous row's. */
  detailTerms?: string,
): IndexedCustomer {
  const b = previous?.customer;
  const sameWarnings =
    b !== undefined && sameCounts(b.counts, customer.counts) && b.credit === customer.credit && b.debitLimit === customer.debitLimit && b.currency === customer.currency;
  const sameTags = b !== undefined && sameValue(b.tags, customer.tags);
  const sameSearch =
    sameTags && b.name === customer.name && b.accountRef === customer.accountRef && (detailTerms === undefined || detailTerms === detailTermsOf(previous!));
  const recordWarnings = sameWarnings ? previous!.recordWarnings : internWarnings(warningsReadOnly(customer));
  const warnings = allWarnings(recordWarnings, metrics, customer.channels, thresholds);
  const search = sameSearch ? previous! : buildSearchText(customer, detailTerms ?? (previous ? detailTermsOf(previous) : ''));
  return {
    id: customer.id,
    customer,
    warnings,
    recordWarnings,
    searchText: search.searchText,
    detailTermsAt: search.detailTermsAt,
    nameKey: b !== undefined && b.name === customer.name ? previous!.nameKey : foldText(customer.name),
    credit: moneyToNumber(customer.credit),
    cannotDial: sameWarnings ? previous!.cannotDial : recordWarnings.some((w) => w.code === 'cannot_dial'),
    statusRank: CUSTOMER_STATUSES.indexOf(customer.status),
    countryKey: customer.country,
    tagsKey: sameTags ? previous!.tagsKey : tagsKey(customer.tags),
    channelLimit: customer.channels === 0 ? Number.POSITIVE_INFINITY : customer.channels,
    deletedAtMs: customer.deletedAt === undefined ? undefined : Date.parse(customer.deletedAt),
    // Always present (maybe undefined), so every row has the same shape.
    metrics,
  };
}

/** The folded search terms of a row's details ('' when it has none, or they have not arrived). */
export function detailTermsOf(row: IndexedCustomer): string {
  return row.detailTermsAt >= row.searchText.length ? '' : row.searchText.slice(row.detailTermsAt);
}

/** The same row with new figures (undefined: none): a new object, so views see a change. */
export function withMetrics(row: IndexedCustomer, metrics: CustomerMetrics | undefined, thresholds?: WarningThresholds): IndexedCustomer {
  return { ...row, metrics, warnings: allWarnings(row.recordWarnings, metrics, row.customer.channels, thresholds) };
}

/** The record's warnings plus the traffic ones; the record's array itself when traffic adds none. */
function allWarnings(
  recordWarnings: readonly CustomerWarning[],
  metrics: CustomerMetrics | undefined,
  channelLimit: number,
  thresholds?: WarningThresholds,
): readonly CustomerWarning[] {
  const traffic = trafficWarnings(metrics, channelLimit, thresholds);
  return traffic.length === 0 ? recordWarnings : [...recordWarnings, ...traffic];
}

function tagsKey(tags: readonly string[]): string | undefined {
  return tags.length > 0 ? foldText(tags.join(',')) : undefined;
}

function sameCounts(a: DetailCounts, b: DetailCounts): boolean {
  return a === b || (a.contacts === b.contacts && a.emailContacts === b.emailContacts && a.ips === b.ips && a.sipUsers === b.sipUsers && a.enabledRoutes === b.enabledRoutes);
}

/** The search text: name, account ref and tags, then the details' terms; compared in `indexCustomer` before reuse. */
function buildSearchText(c: CustomerListRow, detailTerms: string): Pick<IndexedCustomer, 'searchText' | 'detailTermsAt'> {
  const parts: string[] = [c.name];
  if (c.accountRef) parts.push(c.accountRef);
  parts.push(...c.tags);
  const own = foldText(parts.join(FIELD_SEPARATOR));
  if (!detailTerms) return { searchText: own, detailTermsAt: own.length };
  // join, not +: one flat string rather than a rope that every search would flatten again.
  return { searchText: [own, detailTerms].join(FIELD_SEPARATOR), detailTermsAt: own.length + FIELD_SEPARATOR.length };
}

/** Contacts' emails and mobiles, IPs, SIP usernames and tech prefixes, folded: what staff search a customer by besides its name. */
export function detailSearchTerms(c: CustomerDetails | undefined): string {
  if (!c) return '';
  const parts: string[] = [];
  for (const k of c.contacts) {
    if (k.email) parts.push(k.email);
    // Typed without the plus, a number still matches: terms are matched as substrings.
    if (k.mobile) parts.push(k.mobile);
  }
  for (const ip of c.ipAuth) parts.push(ip.ip);
  for (const u of c.sipUsers) parts.push(u.username);
  for (const r of c.routes) if (r.techPrefix) parts.push(r.techPrefix);
  return foldText(parts.join(FIELD_SEPARATOR));
}

const NO_WARNINGS: readonly CustomerWarning[] = Object.freeze([]);
/** Bounded: the common lists (fixed texts) fill it first; per-customer texts (amounts) stop adding once full. */
const MAX_INTERNED = 512;
const interned = new Map<string, readonly CustomerWarning[]>();

/** Most customers share one of a few warning lists: one shared copy each instead of 100,000 arrays. */
function internWarnings(list: CustomerWarning[]): readonly CustomerWarning[] {
  if (list.length === 0) return NO_WARNINGS;
  const key = list.map((w) => `${w.code}\u0001${w.label}\u0001${w.detail}`).join('\u0002');
  const hit = interned.get(key);
  if (hit) return hit;
  if (interned.size < MAX_INTERNED) interned.set(key, Object.freeze(list));
  return list;
}
