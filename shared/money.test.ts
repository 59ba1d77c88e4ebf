import { describe, expect, it } from 'vitest';
import { addMoney, balanceBoundError, compareMoney, fromMinor, isMoney, isWithinMoneyBound, normalizeMoney, toMinor } from './money.js';

describe('money', () => {
  it('normalises decimal strings to at least two decimals', () => {
    expect(normalizeMoney('5')).toBe('5.00');
    expect(normalizeMoney('1.2300')).toBe('1.23');
    expect(normalizeMoney('-0.0001')).toBe('-0.0001');
    expect(normalizeMoney('-0')).toBe('0.00');
    expect(normalizeMoney('0012.5')).toBe('12.50');
  });

  it('adds exactly where floats would not', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(addMoney('9999999999999999.9999', '-0.9999')).toBe('9999999999999999.00');
    expect(addMoney()).toBe('0.00');
  });

  it('compares amounts', () => {
    expect(compareMoney('1.00', '1')).toBe(0);
    expect(compareMoney('-1', '0')).toBe(-1);
    expect(compareMoney('10', '9.9999')).toBe(1);
  });

  it('rejects what is not an amount', () => {
    for (const bad of ['', '1,5', '1e5', '1.23456', 'abc', '--1', '1.', '.5']) {
      expect(isMoney(bad)).toBe(false);
      expect(() => toMinor(bad)).toThrow(RangeError);
    }
  });

  it('round-trips minor units', () => {
    for (const v of [0n, 1n, -1n, 12345n, -987654321n]) expect(toMinor(fromMinor(v))).toBe(v);
  });
});

describe('money bounds', () => {
  it('allows amounts up to 10^12 either way', () => {
    expect(isWithinMoneyBound('1000000000000')).toBe(true);
    expect(isWithinMoneyBound('-1000000000000.0000')).toBe(true);
    expect(isWithinMoneyBound('1000000000000.0001')).toBe(false);
    expect(isWithinMoneyBound('-9999999999999999.9999')).toBe(false);
  });

  it('refuses a balance beyond the bound, unless the entry brings it nearer zero', () => {
    expect(balanceBoundError('999999999999.00', '1.00')).toBeUndefined();
    expect(balanceBoundError('999999999999.00', '1.01')).toMatch(/beyond the limit of 1,000,000,000,000/);
    expect(balanceBoundError('-999999999999.00', '-5')).toMatch(/would become -1000000000004.00/);
    expect(balanceBoundError('-5000000000000.00', '10.00')).toBeUndefined();
  });
});
