import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerFilterSchema,
  DATE_FILTER_FIELDS,
  DURATION_UNITS,
  MONEY_FILTER_FIELDS,
  NUMBER_FILTER_FIELDS,
  SET_FILTER_FIELDS,
  TEXT_FILTER_FIELDS,
  type FilterCondition,
  type FilterNode,
} from '../../shared/customer-filter.js';
import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import type { Customer } from '../../shared/customer.js';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { QUICK_FILTERS } from '../../shared/quick-filters.js';
import { compileFilter } from './customer-filter.js';
import { indexWholeCustomer, testCustomer } from './customer-test-rows.js';
import type { IndexedCustomer } from './indexed-customer.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const DAY = 86_400_000;
const DATES = [NOW - 400 * DAY, NOW - 31 * DAY, NOW - 2 * DAY, NOW - 3_600_000].map((t) => new Date(t).toISOString());

interface Sample {
  customer: Customer;
  metrics: CustomerMetrics | undefined;
}

const sampleArb = (n: number): fc.Arbitrary<Sample> =>
  fc
    .record({
      name: fc.constantFrom('Acme', 'Émile Télécom', 'Beta Voice', 'acme north'),
      accountRef: fc.option(fc.constantFrom('TL-1', 'tl-12', 'X9'), { nil: undefined }),
      accountManager: fc.option(fc.constantFrom('Sarah Mitchell', 'Tom'), { nil: undefined }),
      credit: fc.constantFrom('-5.00', '0.00', '12.50', '100.00'),
      debitLimit: fc.constantFrom('0.00', '10.00'),
      dailySpendLimit: fc.option(fc.constantFrom('50.00', '0.00'), { nil: undefined }),
      currency: fc.constantFrom('USD', 'EUR'),
      status: fc.constantFrom(...CUSTOMER_STATUSES),
      country: fc.option(fc.constantFrom('DE', 'GB'), { nil: undefined }),
      tags: fc.subarray(['vip', 'Retail', 'wholesale']),
      channels: fc.integer({ min: 0, max: 3 }),
      cpsLimit: fc.integer({ min: 0, max: 2 }),
      portalAccess: fc.boolean(),
      createdAt: fc.constantFrom(...DATES),
      contacts: fc.constantFrom(0, 1, 2),
      metrics: fc.option(
        fc.record({ attempts: fc.integer({ min: 0, max: 40 }), answered: fc.integer({ min: 0, max: 40 }), ch: fc.integer({ min: 0, max: 3 }), last: fc.constantFrom(...DATES) }),
        { nil: undefined },
      ),
    })
    .map(({ contacts, metrics, ...fields }) => {
      const base = testCustomer(n);
      const customer: Customer = { ...base, ...fields, updatedAt: fields.createdAt, contacts: base.contacts.slice(0, 1).concat(contacts > 1 ? base.contacts : []).slice(0, contacts) };
      if (fields.status === 'penalty') customer.penaltyUntil = new Date(NOW + DAY).toISOString();
      const answered = Math.min(metrics?.answered ?? 0, metrics?.attempts ?? 0);
      const m =
        metrics &&
        makeCustomerMetrics({
          h1: [metrics.attempts, answered, answered * 60_000, answered * 2_000, answered, 0, 0, 0],
          ch: metrics.ch,
          last: Date.parse(metrics.last),
        });
      return { customer: removeUndefined(customer), metrics: m };
    });

function removeUndefined(c: Customer): Customer {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Customer;
}

const conditionArb: fc.Arbitrary<FilterCondition> = fc.oneof(
  fc.record({
    type: fc.constant('text' as const),
    field: fc.constantFrom(...TEXT_FILTER_FIELDS),
    op: fc.constantFrom('contains' as const, 'equals' as const, 'startsWith' as const, 'empty' as const),
    value: fc.constantFrom('', 'acme', 'ACME', 'emile', 'tl-1', 'tom', 'x'),
  }),
  fc.record({
    type: fc.constant('number' as const),
    field: fc.constantFrom(...MONEY_FILTER_FIELDS, ...NUMBER_FILTER_FIELDS),
    op: fc.constantFrom('eq' as const, 'ne' as const, 'lt' as const, 'le' as const, 'gt' as const, 'ge' as const, 'between' as const, 'empty' as const),
    value: fc.constantFrom(-5, 0, 1, 2, 12.5, 50, 100),
    to: fc.constantFrom(0, 3, 20, 110),
  }),
  fc.record({
    type: fc.constant('set' as const),
    field: fc.constantFrom(...SET_FILTER_FIELDS),
    op: fc.constantFrom('in' as const, 'notIn' as const),
    values: fc.subarray(['active', 'inactive', 'USD', 'DE', 'GB', 'VIP', 'retail', 'Tom', 'cannot_dial', 'no_auth', 'yes', 'no']),
  }),
  fc.record({
    type: fc.constant('date' as const),
    field: fc.constantFrom(...DATE_FILTER_FIELDS),
    op: fc.constantFrom('between' as const, 'olderThan' as const, 'within' as const, 'never' as const),
    from: fc.constant(NOW - 40 * DAY),
    to: fc.constant(NOW - DAY),
    amount: fc.constantFrom(1, 24, 30),
    unit: fc.constantFrom('h' as const, 'd' as const),
  }),
);

const treeArb: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode; group: FilterNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, conditionArb, tie('group')),
  group: fc.record({ type: fc.constant('group' as const), op: fc.constantFrom('and' as const, 'or' as const), children: fc.array(tie('node'), { maxLength: 4 }) }),
})).group;

describe('typed filters', () => {
  it('keep exactly the rows a plain reading of the records keeps, for random AND/OR trees', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).chain((ns) => fc.tuple(...ns.map((_, i) => sampleArb(i)))), treeArb, (samples, tree) => {
        const rows = samples.map((s) => indexWholeCustomer(s.customer, s.metrics));
        const predicate = compileFilter(tree, NOW);
        const got = rows.filter(predicate).map((r) => r.id);
        const expected = samples.filter((s, i) => naive(tree, s, rows[i]!)).map((s) => s.customer.id);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse trees nested too deep, an amount without a number and a currency on a count', () => {
    const deep: FilterNode = { type: 'group', op: 'and', children: [{ type: 'group', op: 'or', children: [{ type: 'group', op: 'and', children: [{ type: 'group', op: 'or', children: [] }] }] }] };
    expect(customerFilterSchema.safeParse(deep).success).toBe(false);
    expect(customerFilterSchema.safeParse({ type: 'number', field: 'credit', op: 'lt' }).success).toBe(false);
    expect(customerFilterSchema.safeParse({ type: 'number', field: 'contacts', op: 'gt', value: 1, currency: 'USD' }).success).toBe(false);
    expect(customerFilterSchema.safeParse({ type: 'number', field: 'credit', op: 'lt', value: 0, currency: 'USD' }).success).toBe(true);
  });

  it('compare money only within the named currency', () => {
    const usd = indexWholeCustomer(testCustomer(1, { credit: '-10.00', currency: 'USD' }));
    const sek = indexWholeCustomer(testCustomer(2, { credit: '-10.00', currency: 'SEK' }));
    const negativeUsd = compileFilter({ type: 'number', field: 'credit', op: 'lt', value: 0, currency: 'USD' }, NOW);
    expect([usd, sek].filter(negativeUsd)).toEqual([usd]);
  });
});

/** The same semantics, read straight from the records: no accessors, no compilation. */
function naive(node: FilterNode, s: Sample, row: IndexedCustomer): boolean {
  if (node.type === 'group') {
    const live = node.children.filter((c) => !unfinished(c));
    if (live.length === 0) return true;
    return node.op === 'and' ? live.every((c) => naive(c, s, row)) : live.some((c) => naive(c, s, row));
  }
  if (unfinished(node)) return true;
  const c = s.customer;
  const m = s.metrics;
  const fold = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (node.type === 'text') {
    const raw = { name: c.name, accountRef: c.accountRef, accountManager: c.accountManager }[node.field];
    if (node.op === 'empty') return raw === undefined || raw === '';
    if (raw === undefined) return false;
    const [v, w] = [fold(raw), fold(node.value.trim())];
    return node.op === 'equals' ? v === w : node.op === 'startsWith' ? v.startsWith(w) : v.includes(w);
  }
  if (node.type === 'number') {
    if (node.currency !== undefined && c.currency !== node.currency) return false;
    const v = rawNumber(node.field, c, m);
    const x = node.value ?? 0;
    if (node.op === 'empty') return v === undefined;
    if (node.op === 'ne') return v !== x;
    if (v === undefined) return false;
    if (node.op === 'between') return v >= Math.min(x, node.to ?? x) && v <= Math.max(x, node.to ?? x);
    return { eq: v === x, lt: v < x, le: v <= x, gt: v > x, ge: v >= x }[node.op];
  }
  if (node.type === 'set') {
    const have = {
      status: [c.status],
      currency: [c.currency],
      country: c.country ? [c.country] : [],
      tags: c.tags,
      accountManager: c.accountManager ? [c.accountManager] : [],
      warning: row.warnings.map((w) => w.code),
      portalAccess: [c.portalAccess ? 'yes' : 'no'],
    }[node.field].map((v) => v.toLowerCase());
    const hit = node.values.some((v) => have.includes(v.toLowerCase()));
    return node.op === 'in' ? hit : !hit;
  }
  const iso = { createdAt: c.createdAt, updatedAt: c.updatedAt, penaltyUntil: c.penaltyUntil, lastCall: m?.last === undefined ? undefined : new Date(m.last).toISOString() }[node.field];
  const t = iso === undefined ? undefined : new Date(iso).getTime();
  if (node.op === 'never') return t === undefined;
  if (t === undefined) return false;
  if (node.op === 'between') return t >= (node.from ?? -Infinity) && t <= (node.to ?? Infinity);
  const ago = NOW - t;
  const span = (node.amount ?? 0) * DURATION_UNITS[node.unit ?? 'd'];
  return node.op === 'within' ? ago <= span : ago > span;
}

function unfinished(node: FilterNode): boolean {
  if (node.type === 'group') return node.children.every(unfinished);
  if (node.type === 'text') return node.op !== 'empty' && node.value.trim() === '';
  if (node.type === 'set') return node.values.length === 0;
  return false;
}

function rawNumber(field: string, c: Customer, m: CustomerMetrics | undefined): number | undefined {
  const money = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const attempts = m?.h1[0] ?? 0;
  const answered = m?.h1[1] ?? 0;
  const h24 = m?.h24;
  const values: Record<string, number | undefined> = {
    credit: money(c.credit),
    debitLimit: money(c.debitLimit),
    availableBalance: Number(c.credit) + Number(c.debitLimit),
    dailySpendLimit: money(c.dailySpendLimit),
    channelLimit: c.channels === 0 ? Infinity : c.channels,
    cpsLimit: c.cpsLimit === 0 ? Infinity : c.cpsLimit,
    liveChannels: m?.ch,
    contacts: c.contacts.length,
    attempts1h: m && attempts,
    answered1h: m && answered,
    asr1h: m && attempts > 0 ? (100 * answered) / attempts : undefined,
    ner1h: m && attempts > 0 ? (100 * (answered + m.h1[5] + m.h1[6] + m.h1[7])) / attempts : undefined,
    acd1h: m && answered > 0 ? m.h1[2] / 1000 / answered : undefined,
    pdd1h: m && m.h1[4] > 0 ? m.h1[3] / 1000 / m.h1[4] : undefined,
    cps: m?.cps,
    cpsPeak: m?.cpsPeak,
    attempts24h: h24?.[0],
    answered24h: h24?.[1],
    asr24h: h24 && h24[0] > 0 ? (100 * h24[1]) / h24[0] : undefined,
    ner24h: h24 && h24[0] > 0 ? (100 * (h24[1] + h24[5] + h24[6] + h24[7])) / h24[0] : undefined,
    acd24h: h24 && h24[1] > 0 ? h24[2] / 1000 / h24[1] : undefined,
    pdd24h: h24 && h24[4] > 0 ? h24[3] / 1000 / h24[4] : undefined,
  };
  return values[field];
}

describe('one-click filters', () => {
  const now = Date.parse('2026-12-01T12:00:00.000Z');
  const rows = [
    indexWholeCustomer(testCustomer(1, { credit: '-20.00', debitLimit: '0.00' })),
    indexWholeCustomer(testCustomer(2, { credit: '-20.00', debitLimit: '50.00' }), makeCustomerMetrics({ last: now - 2 * 86_400_000 })),
    indexWholeCustomer(testCustomer(3, { credit: '5.00' }), makeCustomerMetrics({ last: now - 40 * 86_400_000 })),
  ];
  const ids = (id: string) => rows.filter(compileFilter(QUICK_FILTERS.find((q) => q.id === id)!.filter, now)).map((r) => r.customer.name);

  it('cannot dial is the record warning: no credit left even with the debit limit', () => {
    expect(ids('warning:cannot_dial')).toEqual(['Customer 1']);
  });

  it('negative balance and no traffic for 30 days (including never)', () => {
    expect(ids('negative-balance')).toEqual(['Customer 1', 'Customer 2']);
    expect(ids('no-traffic-30d')).toEqual(['Customer 1', 'Customer 3']);
  });

  it('are valid filters a view can save', () => {
    for (const q of QUICK_FILTERS) expect(customerFilterSchema.safeParse(q.filter).success, q.id).toBe(true);
  });
});
