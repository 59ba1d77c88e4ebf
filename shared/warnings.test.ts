import { describe, expect, it } from 'vitest';
import type { Customer } from './customer.js';
import { splitCustomer } from './customer-split.js';
import type { CustomerMetrics } from './metrics.js';
import { makeCustomer, makeCustomerMetrics } from './test-fixtures.js';
import { availableCredit, customerWarnings, trafficWarnings } from './warnings.js';

/** A whole customer's warnings, as the device computes them from its list row. */
const warningsOf = (c: Customer) => customerWarnings(splitCustomer(c).row);
const codes = (c: Customer) => warningsOf(c).map((w) => w.code);

describe('customer warnings', () => {
  it('a well configured customer has none', () => {
    expect(codes(makeCustomer())).toEqual([]);
  });

  it('no IP and no SIP user is "No Authentication Set"', () => {
    const w = warningsOf(makeCustomer({ ipAuth: [] }));
    expect(w.map((x) => x.label)).toEqual(['No Authentication Set']);
    expect(codes(makeCustomer({ ipAuth: [], sipUsers: [{ username: 'acme1', channels: 0, cps: 0 }] }))).toEqual([]);
  });

  it('only disabled routes is "No Routing Set"', () => {
    expect(codes(makeCustomer({ routes: [{ rateCard: 'A', techPrefix: '1#', enabled: false }] }))).toEqual(['no_routing']);
    expect(codes(makeCustomer({ routes: [] }))).toEqual(['no_routing']);
  });

  it('cannot dial when credit plus debit limit is zero or less', () => {
    expect(codes(makeCustomer({ credit: '-50.00', debitLimit: '50.00' }))).toEqual(['cannot_dial']);
    expect(codes(makeCustomer({ credit: '-50.00', debitLimit: '50.01' }))).toEqual([]);
    expect(availableCredit({ credit: '-50.00', debitLimit: '50.01' })).toBe('0.01');
    const detail = warningsOf(makeCustomer({ credit: '0', debitLimit: '0' }))[0]?.detail;
    expect(detail).toContain('USD');
  });

  it('contacts with only mobiles give "no contact with an email"', () => {
    const mobileOnly = makeCustomer({ contacts: [{ name: 'B', mobile: '+447700900123', type: 'billing', emailVerified: false, mobileVerified: false }] });
    expect(codes(mobileOnly)).toEqual(['no_email_contact']);
  });

  it('reports every problem at once, one per warning', () => {
    expect(codes(makeCustomer({ ipAuth: [], routes: [], credit: '0', contacts: [] }))).toEqual([
      'no_auth',
      'no_routing',
      'cannot_dial',
      'no_email_contact',
    ]);
  });
});

describe('trafficWarnings', () => {
  const codes = (m: Parameters<typeof trafficWarnings>[0], limit = 30) => trafficWarnings(m, limit).map((w) => w.code);
  // [attempts, answered, talkMs, pddSumMs, pddCount, busy, noAnswer, rejected]
  const h1 = (attempts: number, answered: number, pddSeconds: number, pddCount: number) =>
    [attempts, answered, answered * 60_000, pddSeconds * 1000 * pddCount, pddCount, 0, 0, 0] as CustomerMetrics['h1'];

  it('none without figures, or with healthy traffic', () => {
    expect(codes(undefined)).toEqual([]);
    expect(codes(makeCustomerMetrics({ h1: h1(100, 55, 3, 100), ch: 5 }))).toEqual([]);
  });

  it('high PDD at or above 10 s, judged on at least 5 calls', () => {
    expect(codes(makeCustomerMetrics({ h1: h1(100, 55, 10, 50) }))).toEqual(['high_pdd']);
    expect(codes(makeCustomerMetrics({ h1: h1(100, 55, 9.9, 50) }))).toEqual([]);
    expect(codes(makeCustomerMetrics({ h1: h1(4, 2, 30, 4) }))).toEqual([]);
  });

  it('low ASR below 20% with at least 20 attempts', () => {
    expect(codes(makeCustomerMetrics({ h1: h1(20, 3, 2, 20) }))).toEqual(['low_asr']);
    expect(codes(makeCustomerMetrics({ h1: h1(19, 0, 2, 19) }))).toEqual([]);
    expect(codes(makeCustomerMetrics({ h1: h1(100, 20, 2, 100) }))).toEqual([]);
  });

  it('channels at the limit, never for an unlimited customer', () => {
    expect(codes(makeCustomerMetrics({ h1: h1(100, 55, 3, 100), ch: 30 }), 30)).toEqual(['channels_full']);
    expect(codes(makeCustomerMetrics({ h1: h1(100, 55, 3, 100), ch: 29 }), 30)).toEqual([]);
    expect(codes(makeCustomerMetrics({ h1: h1(100, 55, 3, 100), ch: 500 }), 0)).toEqual([]);
  });

  it('explains itself with the figures', () => {
    const [w] = trafficWarnings(makeCustomerMetrics({ h1: h1(40, 4, 2, 40) }), 30);
    expect(w).toEqual({ code: 'low_asr', label: 'Low ASR', detail: 'ASR 10% over the last hour (4 of 40 attempts answered): below 20%.' });
  });
});
