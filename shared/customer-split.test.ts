import { describe, expect, it } from 'vitest';
import { detailCounts, detailsUnchanged, joinCustomer, NO_DETAILS, sameDetails, splitCustomer } from './customer-split.js';
import { makeCustomer } from './test-fixtures.js';

const noc = { name: 'Noc', email: 'noc@beta.example', type: 'noc', emailVerified: false, mobileVerified: false } as const;
const mobileOnly = { name: 'Desk', mobile: '+447700900123', type: 'billing', emailVerified: false, mobileVerified: false } as const;

describe('customer split', () => {
  it('the list row holds every field but the four lists, and counts of them', () => {
    const c = makeCustomer({ contacts: [noc, mobileOnly], routes: [{ rateCard: 'A', techPrefix: '', enabled: false }] });
    const { row, details } = splitCustomer(c);
    expect(row).not.toHaveProperty('contacts');
    expect(row).not.toHaveProperty('routes');
    expect(row.counts).toEqual({ contacts: 2, emailContacts: 1, ips: 1, sipUsers: 0, enabledRoutes: 0 });
    expect(details).toEqual({ contacts: c.contacts, ipAuth: c.ipAuth, sipUsers: c.sipUsers, routes: c.routes });
  });

  it('join gives back the very customer that was split', () => {
    const c = makeCustomer({ accountRef: 'ACME-1', country: 'GB', penaltyUntil: '2026-03-01T00:00:00.000Z' });
    const { row, details } = splitCustomer(c);
    expect(joinCustomer(row, details)).toEqual(c);
  });

  it('the list row is less than half of the synced bytes of a typical customer', () => {
    const ip = makeCustomer().ipAuth[0]!;
    const c = makeCustomer({
      contacts: [noc, mobileOnly, { ...noc, name: 'Billing', email: 'billing@beta.example', type: 'billing' }],
      ipAuth: [ip, { ...ip, ip: '203.0.113.11' }],
      sipUsers: [{ username: 'acme-1', channels: 10, cps: 2 }],
      routes: [
        { rateCard: 'Standard', techPrefix: '', enabled: true },
        { rateCard: 'Premium CLI', techPrefix: '77#', enabled: true },
      ],
    });
    const { row } = splitCustomer(c);
    expect(JSON.stringify(row).length).toBeLessThan(JSON.stringify(c).length / 2);
  });

  it('reuses the previous counts only for unchanged details', () => {
    const before = splitCustomer(makeCustomer()).row;
    const edited = makeCustomer({ status: 'inactive' });
    expect(splitCustomer(edited, before, true).row.counts).toBe(before.counts);
    expect(splitCustomer(makeCustomer({ ipAuth: [] }), before, false).row.counts.ips).toBe(0);
  });

  it('a row without details joins with empty lists, and writing them back unchanged is no change', () => {
    const { row } = splitCustomer(makeCustomer());
    const joined = joinCustomer(row);
    expect(joined.contacts).toEqual([]);
    expect(detailsUnchanged(undefined, joined)).toBe(true);
    expect(detailsUnchanged(undefined, { ...joined, ipAuth: [] })).toBe(false);
    expect(detailCounts(NO_DETAILS)).toEqual({ contacts: 0, emailContacts: 0, ips: 0, sipUsers: 0, enabledRoutes: 0 });
  });

  it('compares details as JSON, whatever the key order Postgres gave them', () => {
    const { details } = splitCustomer(makeCustomer());
    const reordered = { ...details, ipAuth: details.ipAuth.map((ip) => Object.fromEntries(Object.entries(ip).reverse())) } as typeof details;
    expect(sameDetails(details, reordered)).toBe(true);
    expect(sameDetails(details, { ...details, routes: [] })).toBe(false);
    expect(sameDetails(undefined, details)).toBe(false);
  });
});
