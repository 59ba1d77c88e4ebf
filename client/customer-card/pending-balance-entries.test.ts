import { describe, expect, it } from 'vitest';
import { pendingBalanceEntries, settledCount } from './pending-balance-entries.js';

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

describe('pending balance entries', () => {
  const mutations = [
    { name: 'postBalanceEntry', id: 4, clientID: 'c1', args: { customerId: ALICE, kind: 'payment', amount: '25.00', reason: 'Wire 123' } },
    { name: 'updateCustomer', id: 5, clientID: 'c1', args: { id: ALICE, patch: {} } },
    { name: 'postBalanceEntry', id: 6, clientID: 'c1', args: { customerId: BOB, kind: 'payment', amount: '1', reason: 'x' } },
    { name: 'postBalanceEntry', id: 7, clientID: 'c1', args: { customerId: ALICE, kind: 'adjustment', amount: '-2', reason: ' Fee ', reference: 'R1' } },
  ];

  it('lists this customer’s entries newest first', () => {
    expect(pendingBalanceEntries(mutations, ALICE)).toEqual([
      { key: 'c1:7', kind: 'adjustment', amount: '-2', reason: 'Fee', reference: 'R1' },
      { key: 'c1:4', kind: 'payment', amount: '25.00', reason: 'Wire 123', reference: undefined },
    ]);
    expect(pendingBalanceEntries([{ name: 'postBalanceEntry', id: 1, clientID: 'c', args: null }], ALICE)).toEqual([]);
  });

  it('counts entries that stopped being pending', () => {
    const before = pendingBalanceEntries(mutations, ALICE);
    expect(settledCount(before, before.slice(0, 1))).toBe(1);
    expect(settledCount(before, [])).toBe(2);
    expect(settledCount([], before)).toBe(0);
  });
});
