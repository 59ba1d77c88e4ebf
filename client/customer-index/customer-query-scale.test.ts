import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customer.js';
import type { IndexedCustomer } from './indexed-customer.js';
import { indexWholeCustomer } from './customer-test-rows.js';
import { countStatuses, filterByStatus, matchCustomers, type CustomerFilter } from './customer-query.js';
import { sortCustomers } from './customer-sort.js';
import { testCustomer } from './customer-test-rows.js';

/**
 * A large carrier's list: 100,000 customers. Asserts only correctness; the timings are
 * printed for the record (machines differ too much for a timed assertion).
 */
const COUNT = 100_000;
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli'];
const KINDS = ['Telecom', 'Voice', 'Networks', 'Carrier', 'Communications'];
const TAGS = ['wholesale', 'retail', 'premium', 'cli', 'ncli', 'asia', 'europe'];
const STATUSES = ['active', 'active', 'active', 'inactive', 'pending', 'pending_approval', 'penalty'] as const;

function synthetic(n: number): Customer {
  const status = STATUSES[n % STATUSES.length]!;
  return testCustomer(n, {
    name: `${WORDS[n % WORDS.length]} ${KINDS[n % KINDS.length]} ${n}`,
    accountRef: `ACC-${n}`,
    status,
    ...(status === 'penalty' ? { penaltyUntil: '2026-02-01T00:00:00.000Z', statusBeforePenalty: 'active' as const } : {}),
    credit: `${(n % 2000) - 500}.${String(n % 100).padStart(2, '0')}`,
    channels: n % 4 === 0 ? 0 : (n % 200) + 1,
    tags: [TAGS[n % TAGS.length]!, TAGS[(n * 3) % TAGS.length]!],
    contacts: [{ name: 'Noc', email: `noc${n}@example.net`, mobile: `+44770${String(n).padStart(7, '0')}`, type: 'noc', emailVerified: false, mobileVerified: false }],
    ipAuth: [{ ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, direction: 'both', channels: 0, cps: 0, protocol: 'udp', port: 5060 }],
    routes: n % 10 === 0 ? [] : [{ rateCard: 'Standard', techPrefix: `${n % 1000}#`, enabled: true }],
    ...(n % 50 === 0 ? { deletedAt: '2026-01-10T00:00:00.000Z' } : {}),
  });
}

function time<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  console.info(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

describe(`queries over ${COUNT.toLocaleString('en')} customers`, () => {
  const customers = Array.from({ length: COUNT }, (_, i) => synthetic(i + 1));
  const rows: IndexedCustomer[] = time('index 100k customers', () => customers.map((c) => indexWholeCustomer(c)));
  const live = (f: Partial<CustomerFilter> = {}): CustomerFilter => ({ search: '', view: 'customers', warningsOnly: false, ...f });

  it('sorts once, then answers each search keystroke by filtering the sorted rows', () => {
    const sorted = time('sort by name', () => sortCustomers(rows, [{ column: 'name', direction: 'asc' }]));
    time('sort by credit desc', () => sortCustomers(rows, [{ column: 'credit', direction: 'desc' }]));
    expect(sorted).toHaveLength(COUNT);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.nameKey <= sorted[i]!.nameKey).toBe(true);

    const all = time('filter, no search', () => matchCustomers(sorted, live()));
    expect(all).toHaveLength(COUNT - COUNT / 50);

    const keystrokes = ['a', 'ac', 'acm', 'acme', 'acme t', 'acme te', 'acme tel 7'];
    let last: IndexedCustomer[] = [];
    for (const search of keystrokes) last = time(`search "${search}"`, () => matchCustomers(sorted, live({ search })));
    const expected = customers.filter(
      (c) => !c.deletedAt && c.name.toLowerCase().includes('acme') && c.name.toLowerCase().includes('tel') && JSON.stringify(c).includes('7'),
    );
    expect(last.length).toBeGreaterThan(0);
    expect(last.length).toBeLessThanOrEqual(expected.length);
    expect(last.every((r) => r.nameKey.startsWith('acme tel'))).toBe(true);

    // Customer 99,999 has the IP 10.1.134.159 (99,999 = 1 * 65,536 + 134 * 256 + 159).
    const byIp = time('search an IP', () => matchCustomers(sorted, live({ search: '10.1.134.159' })));
    expect(byIp.map((r) => r.customer.name)).toEqual([synthetic(99_999).name]);
  });

  it('counts statuses and filters warnings over the whole list', () => {
    const matched = time('warnings only', () => matchCustomers(rows, live({ warningsOnly: true })));
    expect(matched.every((r) => r.warnings.length > 0)).toBe(true);
    const counts = time('count statuses', () => countStatuses(matchCustomers(rows, live())));
    expect(counts.active + counts.inactive + counts.pending + counts.pending_approval + counts.penalty).toBe(counts.all);
    expect(filterByStatus(rows, 'penalty').every((r) => r.customer.status === 'penalty')).toBe(true);
    expect(counts.dialling).toBe(0);
  });
});
