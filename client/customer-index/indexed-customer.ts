import { sameDetails, type CustomerDetails, type CustomerListRow, type DetailCounts } from '../../shared/customer-split.js';
import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { moneyToNumber } from '../../shared/money.js';
import { sameValue } from '../../shared/same-value.js';
import { customerWarnings, trafficWarnings, type CustomerWarning, type WarningThresholds } from '../../shared/warnings.js';
import { foldText } from './fold-text.js';

/**
 * One customer as the page needs it: the synced list row and details plus what filtering
 * and sorting would otherwise recompute on every keystroke (warnings, search text, sort
 * keys). Built once per change of that customer, so a 100,000-row view costs nothing extra.
 */
export interface IndexedCustomer {
  readonly id: string;
  /** The list row (`c/<id>`): every field but the four lists, and their counts. */
  readonly customer: CustomerListRow;
  /** Contacts, IPs, SIP users and routes (`d/<id>`); undefined until they have arrived. */
  readonly details: CustomerDetails | undefined;
  /** Every warning: the record's, then the live figures' (what the icons and "Has warnings" show). */
  readonly warnings: readonly CustomerWarning[];
  /** The record's warnings alone, reused while the fields they read are unchanged. */
  readonly recordWarnings: readonly CustomerWarning[];
  /** Folded (lowercase, no accents) text that search terms are matched against. */
  readonly searchText: string;
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
 * the details are synced apart from the list row, so an edit keeps the previous row's.
 */
export function indexCustomer(
  customer: CustomerListRow,
  previous?: IndexedCustomer,
  metrics = previous?.metrics,
  thresholds?: WarningThresholds,
  details = previous?.details,
): IndexedCustomer {
  const b = previous?.customer;
  const sameWarnings =
    b !== undefined && sameCounts(b.counts, customer.counts) && b.credit === customer.credit && b.debitLimit === customer.debitLimit && b.currency === customer.currency;
  const sameTags = b !== undefined && sameValue(b.tags, customer.tags);
  const sameLists = previous?.details === details || (details !== undefined && sameDetails(previous?.details, details));
  const sameSearch = sameTags && sameLists && b.name === customer.name && b.accountRef === customer.accountRef;
  const recordWarnings = sameWarnings ? previous!.recordWarnings : internWarnings(warningsReadOnly(customer));
  const warnings = allWarnings(recordWarnings, metrics, customer.channels, thresholds);
  return {
    id: customer.id,
    customer,
    details,
    warnings,
    recordWarnings,
    searchText: sameSearch ? previous!.searchText : buildSearchText(customer, details),
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

/** The search text: built from name, account ref, tags and the four lists, compared in `indexCustomer` before reuse. */
function buildSearchText(c: CustomerListRow, d: CustomerDetails | undefined): string {
  const parts: string[] = [c.name];
  if (c.accountRef) parts.push(c.accountRef);
  parts.push(...c.tags);
  if (d) appendDetailTerms(parts, d);
  return foldText(parts.join(FIELD_SEPARATOR));
}

/** Contacts' emails and mobiles, IPs, SIP usernames and tech prefixes: what staff search a customer by besides its name. */
function appendDetailTerms(parts: string[], c: CustomerDetails): void {
  for (const k of c.contacts) {
    if (k.email) parts.push(k.email);
    // Typed without the plus, a number still matches: terms are matched as substrings.
    if (k.mobile) parts.push(k.mobile);
  }
  for (const ip of c.ipAuth) parts.push(ip.ip);
  for (const u of c.sipUsers) parts.push(u.username);
  for (const r of c.routes) if (r.techPrefix) parts.push(r.techPrefix);
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
