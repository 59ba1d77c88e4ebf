import { describe, expect, it } from 'vitest';
import { amountColor, availableCredit, EMPTY_BALANCE_ENTRY, signedMoney, toBalanceEntryArgs, validateBalanceEntry } from './balance-entry.js';

const ID = '11111111-1111-4111-8111-111111111111';
const values = (v: Partial<typeof EMPTY_BALANCE_ENTRY>) => ({ ...EMPTY_BALANCE_ENTRY, ...v });

describe('balance entry form', () => {
  it('builds the mutator arguments, leaving out an empty reference', () => {
    expect(toBalanceEntryArgs(ID, values({ amount: ' 25.00 ', reason: 'Wire 123', reference: '  ' }))).toEqual({ customerId: ID, kind: 'payment', amount: '25.00', reason: 'Wire 123' });
    expect(toBalanceEntryArgs(ID, values({ kind: 'adjustment', amount: '-3', reason: 'Refund', reference: ' INV-9 ' }))).toMatchObject({ reference: 'INV-9' });
  });

  it('asks for a reason and a non-zero amount, as the shared schema does', () => {
    expect(validateBalanceEntry(values({ amount: '25.00', reason: 'Wire 123' }))).toEqual({});
    const errors = validateBalanceEntry(values({ amount: '0.00', reason: '  ' }));
    expect(Object.keys(errors).sort()).toEqual(['amount', 'reason']);
    expect(validateBalanceEntry(values({ amount: '12,50', reason: 'x' })).amount).toMatch(/amount like/);
    expect(validateBalanceEntry(values({ amount: ' ', reason: 'x' })).amount).toBe('Enter the amount');
  });

  it('refuses a negative payment but allows a negative adjustment', () => {
    expect(validateBalanceEntry(values({ amount: '-5', reason: 'x' })).amount).toMatch(/adjustment/);
    expect(validateBalanceEntry(values({ kind: 'adjustment', amount: '-5', reason: 'x' }))).toEqual({});
  });

  it('says why an amount or the balance it makes is too large, and why a text cannot be stored', () => {
    expect(validateBalanceEntry(values({ amount: '1000000000000.01', reason: 'x' })).amount).toBe('At most 1,000,000,000,000 either way');
    expect(validateBalanceEntry(values({ amount: '5', reason: 'x' }), '999999999999.00').amount).toMatch(/^The balance would become 1000000000004\.00, beyond/);
    expect(validateBalanceEntry(values({ kind: 'adjustment', amount: '-5', reason: 'x' }), '999999999999.00')).toEqual({});
    expect(validateBalanceEntry(values({ amount: '5', reason: 'Wire\u0000' })).reason).toBe('Contains a control character (such as NUL) that cannot be stored');
  });

  it('computes available credit exactly and shows amounts signed and coloured', () => {
    expect(availableCredit({ credit: '-20.10', debitLimit: '50.00' })).toBe('29.90');
    expect(signedMoney('25.0000', 'EUR')).toMatch(/^\+EUR\s25\.00$/);
    expect(signedMoney('-3.1', 'EUR')).toMatch(/^-EUR\s3\.10$/);
    expect([amountColor('1'), amountColor('-1'), amountColor('0.0000')]).toEqual(['green', 'red', undefined]);
  });
});
