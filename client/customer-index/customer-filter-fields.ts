import type { DateFilterField, NumberFilterField, SetFilterField, TextFilterField } from '../../shared/customer-filter.js';
import { acdSeconds, asrPercent, nerPercent, pddSeconds, type TrafficSums } from '../../shared/metrics.js';
import { moneyToNumber } from '../../shared/money.js';
import { windowSums, type MetricWindow } from './customer-metrics.js';
import { foldText } from './fold-text.js';
import type { IndexedCustomer } from './indexed-customer.js';

/**
 * What each filterable field reads from an index row. Undefined is a missing value (no
 * account manager, no traffic yet, never called), which conditions treat as the shared
 * schema says. Texts are folded (lowercase, no accents) like search terms.
 */

type Read<T> = (row: IndexedCustomer) => T | undefined;

const sumsOf =
  (window: MetricWindow, pick: (s: TrafficSums) => number | undefined): Read<number> =>
  (row) => {
    const sums = windowSums(row, window);
    return sums && pick(sums);
  };

const optionalMoney = (value: string | undefined) => (value === undefined ? undefined : moneyToNumber(value));

export const TEXT_READERS: Record<TextFilterField, Read<string>> = {
  name: (r) => r.nameKey,
  accountRef: (r) => (r.customer.accountRef === undefined ? undefined : foldText(r.customer.accountRef)),
  accountManager: (r) => (r.customer.accountManager === undefined ? undefined : foldText(r.customer.accountManager)),
};

/** Limits of 0 mean "no limit": they compare as infinitely high. */
const limit = (n: number) => (n === 0 ? Number.POSITIVE_INFINITY : n);

export const NUMBER_READERS: Record<NumberFilterField, Read<number>> = {
  credit: (r) => r.credit,
  debitLimit: (r) => moneyToNumber(r.customer.debitLimit),
  availableBalance: (r) => r.credit + moneyToNumber(r.customer.debitLimit),
  dailySpendLimit: (r) => optionalMoney(r.customer.dailySpendLimit),
  channelLimit: (r) => r.channelLimit,
  cpsLimit: (r) => limit(r.customer.cpsLimit),
  liveChannels: (r) => r.metrics?.ch,
  contacts: (r) => r.customer.counts.contacts,
  attempts1h: sumsOf('h1', (s) => s.attempts),
  answered1h: sumsOf('h1', (s) => s.answered),
  asr1h: sumsOf('h1', asrPercent),
  ner1h: sumsOf('h1', nerPercent),
  acd1h: sumsOf('h1', acdSeconds),
  pdd1h: sumsOf('h1', pddSeconds),
  cps: (r) => r.metrics?.cps,
  cpsPeak: (r) => r.metrics?.cpsPeak,
  attempts24h: sumsOf('h24', (s) => s.attempts),
  answered24h: sumsOf('h24', (s) => s.answered),
  asr24h: sumsOf('h24', asrPercent),
  ner24h: sumsOf('h24', nerPercent),
  acd24h: sumsOf('h24', acdSeconds),
  pdd24h: sumsOf('h24', pddSeconds),
};

const one = (value: string | undefined): readonly string[] => (value === undefined ? [] : [value]);

/** The values a row has for a set field (tags: several; others: one or none), compared case-insensitively. */
export const SET_READERS: Record<SetFilterField, (row: IndexedCustomer) => readonly string[]> = {
  status: (r) => [r.customer.status],
  currency: (r) => [r.customer.currency],
  country: (r) => one(r.customer.country),
  tags: (r) => r.customer.tags,
  accountManager: (r) => one(r.customer.accountManager),
  warning: (r) => r.warnings.map((w) => w.code),
  portalAccess: (r) => [r.customer.portalAccess ? 'yes' : 'no'],
};

const epoch = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** Dates as epoch milliseconds. */
export const DATE_READERS: Record<DateFilterField, Read<number>> = {
  createdAt: (r) => epoch(r.customer.createdAt),
  updatedAt: (r) => epoch(r.customer.updatedAt),
  lastCall: (r) => r.metrics?.last,
  penaltyUntil: (r) => epoch(r.customer.penaltyUntil),
};
