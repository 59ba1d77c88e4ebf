import type { Customer } from '../../shared/customer.js';
import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { moneyToNumber } from '../../shared/money.js';
import { customerWarnings, trafficWarnings, type CustomerWarning, type WarningThresholds } from '../../shared/warnings.js';
import { foldText } from './fold-text.js';

/**
 * One customer as the page needs it: the synced record plus what filtering and sorting
 * would otherwise recompute on every keystroke (warnings, search text, sort keys).
 * Built once per change of that customer, so a 100,000-row view costs nothing extra.
 */
export interface IndexedCustomer {
  readonly id: string;
  readonly customer: Customer;
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
type WarningFields = 'ipAuth' | 'sipUsers' | 'routes' | 'credit' | 'debitLimit' | 'currency' | 'contacts';
const warningsReadOnly: (c: Pick<Customer, WarningFields>) => CustomerWarning[] = customerWarnings;

// A term can never span two fields because terms hold no whitespace.
const FIELD_SEPARATOR = '\n';

/**
 * Indexes `customer`. With `previous` (the same customer's row before this change), what
 * derives from unchanged fields is reused: a status change of 10,000 customers then costs
 * no search text and no warnings, and rows keep sharing the same strings. The figures are
 * synced apart from the customer, so an edit keeps the previous row's.
 */
export function indexCustomer(customer: Customer, previous?: IndexedCustomer, metrics = previous?.metrics, thresholds?: WarningThresholds): IndexedCustomer {
  const b = previous?.customer;
  // Field by field rather than in a loop over names: this runs for every row of a 10,000-row edit.
  const sameLists =
    b !== undefined &&
    sameValue(b.contacts, customer.contacts) &&
    sameValue(b.ipAuth, customer.ipAuth) &&
    sameValue(b.sipUsers, customer.sipUsers) &&
    sameValue(b.routes, customer.routes);
  const sameWarnings = sameLists && b.credit === customer.credit && b.debitLimit === customer.debitLimit && b.currency === customer.currency;
  const sameTags = b !== undefined && sameValue(b.tags, customer.tags);
  const sameSearch = sameLists && sameTags && b.name === customer.name && b.accountRef === customer.accountRef;
  const recordWarnings = sameWarnings ? previous!.recordWarnings : internWarnings(warningsReadOnly(customer));
  const warnings = allWarnings(recordWarnings, metrics, customer.channels, thresholds);
  return {
    id: customer.id,
    customer,
    warnings,
    recordWarnings,
    searchText: sameSearch ? previous!.searchText : buildSearchText(customer),
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

/** The search text: built from name, account ref, tags and the four lists, compared in `indexCustomer` before reuse. */
function buildSearchText(c: Customer): string {
  const parts: string[] = [c.name];
  if (c.accountRef) parts.push(c.accountRef);
  parts.push(...c.tags);
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

/**
 * Equal as synced JSON, for the shapes a customer holds: primitives, and lists of
 * primitives or of flat objects (contacts, IPs, SIP users, routes). Pulled rows are new
 * objects even when nothing changed, so identity alone would miss most reuse.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameFlat(a[i], b[i])) return false;
  return true;
}

function sameFlat(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
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
