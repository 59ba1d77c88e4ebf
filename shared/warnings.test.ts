import { describe, expect, it } from 'vitest';
import { availableCredit, customerWarnings } from './warnings.js';
import { makeCustomer } from './test-fixtures.js';

const codes = (c: Parameters<typeof customerWarnings>[0]) => customerWarnings(c).map((w) => w.code);

describe('customer warnings', () => {
  it('a well configured customer has none', () => {
    expect(codes(makeCustomer())).toEqual([]);
  });

  it('no IP and no SIP user is "No Authentication Set"', () => {
    const w = customerWarnings(makeCustomer({ ipAuth: [] }));
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
    const detail = customerWarnings(makeCustomer({ credit: '0', debitLimit: '0' }))[0]?.detail;
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
