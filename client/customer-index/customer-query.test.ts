import { describe, expect, it } from 'vitest';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import type { IndexedCustomer } from './indexed-customer.js';
import {
  countStatuses,
  queryCustomers,
  searchTerms,
  type CustomerQuery,
  type CustomerSort,
} from './customer-query.js';
import { sortCustomers } from './customer-sort.js';
import { GRID_COLUMN_IDS } from '../../shared/grid-view.js';
import { testRow } from './customer-test-rows.js';

const base: CustomerQuery = {
  search: '',
  status: 'all',
  view: 'customers',
  warningsOnly: false,
  sort: [{ column: 'name', direction: 'asc' }],
};
const names = (rows: readonly IndexedCustomer[]) => rows.map((r) => r.customer.name);
const run = (rows: IndexedCustomer[], q: Partial<CustomerQuery>) => names(queryCustomers(rows, { ...base, ...q }));

const acme = testRow(1, {
  name: 'Acme Telecom',
  accountRef: 'ACC-0042',
  tags: ['wholesale', 'Premium'],
  contacts: [
    { name: 'Ann', email: 'noc@acme.example', mobile: '+447700900123', type: 'noc', emailVerified: true, mobileVerified: false },
  ],
  ipAuth: [{ ip: '198.51.100.7', direction: 'both', channels: 0, cps: 0, protocol: 'udp', port: 5060 }],
  sipUsers: [{ username: 'acme-trunk', channels: 0, cps: 0 }],
  routes: [{ rateCard: 'Gold', techPrefix: '7788#', enabled: true }],
});
const globex = testRow(2, { name: 'Globex Voice', accountRef: 'GLX-1', tags: ['retail'] });
const zenith = testRow(3, { name: 'Zénith Réseaux', tags: [] });
const rows = [acme, globex, zenith];

describe('search', () => {
  it.each([
    ['name', 'telecom'],
    ['account ref', 'acc-0042'],
    ['tag', 'premium'],
    ['contact email', 'noc@acme'],
    ['mobile with plus', '+4477009'],
    ['mobile without plus', '447700900123'],
    ['IP address', '198.51.100'],
    ['SIP username', 'acme-trunk'],
    ['route tech prefix', '7788#'],
  ])('finds a customer by %s', (_what, term) => {
    expect(run(rows, { search: term })).toEqual(['Acme Telecom']);
  });

  it('ignores case and accents, and surrounding spaces', () => {
    expect(run(rows, { search: '  ZENITH ' })).toEqual(['Zénith Réseaux']);
    expect(run(rows, { search: 'réseaux' })).toEqual(['Zénith Réseaux']);
  });

  it('requires every term (AND), in any field', () => {
    expect(run(rows, { search: 'acme 198.51' })).toEqual(['Acme Telecom']);
    expect(run(rows, { search: 'acme retail' })).toEqual([]);
    expect(run(rows, { search: 'globex retail' })).toEqual(['Globex Voice']);
  });

  it('matches nothing that spans two fields', () => {
    // "Premium" is followed by the email in the search text; a term cannot bridge them.
    expect(run(rows, { search: 'premiumnoc' })).toEqual([]);
  });

  it('an empty search shows everything', () => {
    expect(run(rows, { search: '   ' })).toEqual(['Acme Telecom', 'Globex Voice', 'Zénith Réseaux']);
    expect(searchTerms('  a   b ')).toEqual(['a', 'b']);
    expect(searchTerms('')).toEqual([]);
  });
});

describe('filters', () => {
  const penalty = testRow(10, {
    name: 'Penalised',
    status: 'penalty',
    penaltyUntil: '2026-02-01T10:00:00.000Z',
    statusBeforePenalty: 'active',
  });
  const inactive = testRow(11, { name: 'Switched Off', status: 'inactive' });
  const pending = testRow(12, { name: 'Signing Up', status: 'pending_approval' });
  const all = [...rows, penalty, inactive, pending];

  it('filters by each stored status', () => {
    expect(run(all, { status: 'penalty' })).toEqual(['Penalised']);
    expect(run(all, { status: 'inactive' })).toEqual(['Switched Off']);
    expect(run(all, { status: 'pending_approval' })).toEqual(['Signing Up']);
    expect(run(all, { status: 'pending' })).toEqual([]);
    expect(run(all, { status: 'active' })).toEqual(['Acme Telecom', 'Globex Voice', 'Zénith Réseaux']);
  });

  it('"Dialling" shows the customers with calls up now', () => {
    expect(run(all, { status: 'dialling' })).toEqual([]);
    const calling = testRow(13, { name: 'Calling Now' }, makeCustomerMetrics({ ch: 2 }));
    const idle = testRow(14, { name: 'Idle Now' }, makeCustomerMetrics({ ch: 0 }));
    expect(run([...all, calling, idle], { status: 'dialling' })).toEqual(['Calling Now']);
    expect(countStatuses([...all, calling, idle]).dialling).toBe(1);
  });

  it('counts every status filter over the current matches', () => {
    const counts = countStatuses(all);
    expect(counts).toEqual({ all: 6, active: 3, inactive: 1, pending: 0, pending_approval: 1, penalty: 1, dialling: 0 });
  });

  it('keeps deleted customers out of the list and shows only them in the trash', () => {
    const gone = testRow(20, { name: 'Gone Ltd', deletedAt: '2026-01-05T00:00:00.000Z' });
    expect(run([...rows, gone], {})).not.toContain('Gone Ltd');
    expect(run([...rows, gone], { view: 'trash' })).toEqual(['Gone Ltd']);
    expect(run([...rows, gone], { view: 'trash', search: 'globex' })).toEqual([]);
  });

  it('"Has warnings" keeps only customers with at least one warning', () => {
    const noRoute = testRow(30, { name: 'No Route Co', routes: [] });
    expect(run([...rows, noRoute], { warningsOnly: true })).toEqual(['No Route Co']);
    expect(run([...rows, noRoute], { warningsOnly: false })).toHaveLength(4);
  });
});

describe('sorting', () => {
  const sortBy = (list: IndexedCustomer[], sort: CustomerSort) => names(sortCustomers(list, sort));

  it('sorts names case- and accent-insensitively, both directions', () => {
    const list = [testRow(1, { name: 'beta' }), testRow(2, { name: 'Alpha' }), testRow(3, { name: 'Émile' })];
    expect(sortBy(list, [{ column: 'name', direction: 'asc' }])).toEqual(['Alpha', 'beta', 'Émile']);
    expect(sortBy(list, [{ column: 'name', direction: 'desc' }])).toEqual(['Émile', 'beta', 'Alpha']);
  });

  it('sorts money numerically, not as text', () => {
    const list = [
      testRow(1, { name: 'A', credit: '9.50' }),
      testRow(2, { name: 'B', credit: '100.00' }),
      testRow(3, { name: 'C', credit: '-20.00' }),
    ];
    expect(sortBy(list, [{ column: 'credit', direction: 'asc' }])).toEqual(['C', 'A', 'B']);
    expect(sortBy(list, [{ column: 'credit', direction: 'desc' }])).toEqual(['B', 'A', 'C']);
  });

  it('never orders amounts of different currencies against each other: currency first, then the amount', () => {
    const list = [
      testRow(1, { name: 'A', credit: '-25242.00', currency: 'SEK' }),
      testRow(2, { name: 'B', credit: '-25404.00', currency: 'USD' }),
      testRow(3, { name: 'C', credit: '10.00', currency: 'SEK' }),
      testRow(4, { name: 'D', credit: '5.00', currency: 'USD' }),
    ];
    expect(sortBy(list, [{ column: 'credit', direction: 'asc' }])).toEqual(['A', 'C', 'B', 'D']);
    // Descending reverses the amounts, not the currencies: SEK stays before USD.
    expect(sortBy(list, [{ column: 'credit', direction: 'desc' }])).toEqual(['C', 'A', 'D', 'B']);
  });

  it('sorts channel limits with unlimited (0) above every number', () => {
    const list = [testRow(1, { name: 'A', channels: 0 }), testRow(2, { name: 'B', channels: 500 }), testRow(3, { name: 'C', channels: 30 })];
    expect(sortBy(list, [{ column: 'channels', direction: 'asc' }])).toEqual(['C', 'B', 'A']);
    expect(sortBy(list, [{ column: 'channels', direction: 'desc' }])).toEqual(['A', 'B', 'C']);
  });

  it('sorts statuses in a fixed order', () => {
    const list = [testRow(1, { name: 'A', status: 'inactive' }), testRow(2, { name: 'B', status: 'active' })];
    expect(sortBy(list, [{ column: 'status', direction: 'asc' }])).toEqual(['B', 'A']);
    expect(sortBy(list, [{ column: 'status', direction: 'desc' }])).toEqual(['A', 'B']);
  });

  it('puts missing values last in both directions', () => {
    const list = [testRow(1, { name: 'NoCountry' }), testRow(2, { name: 'Germany', country: 'DE' }), testRow(3, { name: 'France', country: 'FR' })];
    expect(sortBy(list, [{ column: 'country', direction: 'asc' }])).toEqual(['Germany', 'France', 'NoCountry']);
    expect(sortBy(list, [{ column: 'country', direction: 'desc' }])).toEqual(['France', 'Germany', 'NoCountry']);
    const tagged = [testRow(1, { name: 'Untagged', tags: [] }), testRow(2, { name: 'Zed', tags: ['b'] }), testRow(3, { name: 'Yan', tags: ['a'] })];
    expect(sortBy(tagged, [{ column: 'tags', direction: 'asc' }])).toEqual(['Yan', 'Zed', 'Untagged']);
    expect(sortBy(tagged, [{ column: 'tags', direction: 'desc' }])).toEqual(['Zed', 'Yan', 'Untagged']);
  });

  it('metric columns with no data keep the name order', () => {
    const list = [testRow(1, { name: 'b' }), testRow(2, { name: 'a' })];
    for (const column of ['asr', 'acd', 'pdd', 'cps', 'lastCall'] as const) {
      expect(sortBy(list, [{ column, direction: 'desc' }])).toEqual(['a', 'b']);
    }
  });

  it('sorts the trash by deletion time', () => {
    const list = [
      testRow(1, { name: 'Old', deletedAt: '2026-01-01T00:00:00.000Z' }),
      testRow(2, { name: 'New', deletedAt: '2026-03-01T00:00:00.000Z' }),
    ];
    expect(sortBy(list, [{ column: 'deletedAt', direction: 'desc' }])).toEqual(['New', 'Old']);
  });

  it('is stable: ties fall back to name, then id, whatever the input order', () => {
    const list = [
      testRow(4, { name: 'Same', credit: '1.00' }),
      testRow(2, { name: 'Other', credit: '1.00' }),
      testRow(3, { name: 'Same', credit: '1.00' }),
      testRow(1, { name: 'Cheap', credit: '0.50' }),
    ];
    const ids = (l: IndexedCustomer[]) => sortCustomers(l, [{ column: 'credit', direction: 'desc' }]).map((r) => r.id.slice(-1));
    expect(ids(list)).toEqual(['2', '3', '4', '1']);
    expect(ids([...list].reverse())).toEqual(['2', '3', '4', '1']);
  });

  it('sorts by several levels: the second breaks the first one\'s ties, each in its own direction', () => {
    const list = [
      testRow(1, { name: 'A', status: 'active', credit: '5.00' }),
      testRow(2, { name: 'B', status: 'inactive', credit: '50.00' }),
      testRow(3, { name: 'C', status: 'active', credit: '500.00' }),
      testRow(4, { name: 'D', status: 'inactive', credit: '1.00' }),
    ];
    const byStatusThenCredit = [{ column: 'status', direction: 'asc' }, { column: 'credit', direction: 'desc' }] as const;
    expect(sortBy(list, byStatusThenCredit)).toEqual(['C', 'A', 'B', 'D']);
    expect(sortBy(list, [{ column: 'status', direction: 'desc' }, { column: 'credit', direction: 'asc' }])).toEqual(['D', 'B', 'A', 'C']);
  });

  it('sorts by every column, a missing value last, without throwing', () => {
    const list = [testRow(1, { name: 'Full', accountRef: 'R1', accountManager: 'Ann', dailySpendLimit: '10.00' }), testRow(2, { name: 'Empty' })];
    for (const column of GRID_COLUMN_IDS) {
      for (const direction of ['asc', 'desc'] as const) expect(sortBy(list, [{ column, direction }])).toHaveLength(2);
    }
    expect(sortBy(list, [{ column: 'accountManager', direction: 'desc' }])).toEqual(['Full', 'Empty']);
    expect(sortBy(list, [{ column: 'dailySpendLimit', direction: 'asc' }])).toEqual(['Full', 'Empty']);
  });

  it('sorts by available balance: credit plus debit limit, currency first', () => {
    const list = [
      testRow(1, { name: 'A', credit: '-100.00', debitLimit: '500.00' }),
      testRow(2, { name: 'B', credit: '200.00', debitLimit: '0.00' }),
      testRow(3, { name: 'C', credit: '-5.00', debitLimit: '0.00' }),
    ];
    expect(sortBy(list, [{ column: 'availableBalance', direction: 'desc' }])).toEqual(['A', 'B', 'C']);
  });

  it('does not change its input', () => {
    const list = [testRow(1, { name: 'b' }), testRow(2, { name: 'a' })];
    sortCustomers(list, [{ column: 'name', direction: 'asc' }]);
    expect(names(list)).toEqual(['b', 'a']);
  });
});
