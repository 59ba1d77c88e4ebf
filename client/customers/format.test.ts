import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from './country-names.js';
import { formatMoney } from './format-money.js';
import { customersCount, formatCount, formatDuration, formatLimit, formatPercent, formatSeconds } from './format-metrics.js';
import { fromNow } from './relative-time.js';

describe('display formats', () => {
  it('formats money with its currency, exact to the cent', () => {
    // Intl puts a no-break space between the code and the amount.
    const money = (a: string, c: string) => formatMoney(a, c).replace(/\u00a0/g, ' ');
    expect(money('1250.5', 'USD')).toBe('USD 1,250.50');
    expect(money('-20.00', 'EUR')).toBe('-EUR 20.00');
    expect(money('1000', 'JPY')).toBe('JPY 1,000');
  });

  it('shows "-" for a metric without data, never 0 or NaN', () => {
    for (const f of [formatPercent, formatDuration, formatSeconds, formatCount]) {
      expect(f(undefined)).toBe('-');
      expect(f(Number.NaN)).toBe('-');
    }
    expect(formatPercent(45.678)).toBe('45.7%');
    expect(formatDuration(307)).toBe('5:07');
    expect(formatSeconds(2.25)).toBe('2.3 s');
  });

  it('shows 0 limits as unlimited and counts customers in words', () => {
    expect(formatLimit(0)).toBe('∞');
    expect(formatLimit(1500)).toBe('1,500');
    expect(customersCount(1)).toBe('1 customer');
    expect(customersCount(12345)).toBe('12,345 customers');
  });

  it('names countries', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryOptions().find((o) => o.value === 'GB')?.label).toBe('United Kingdom (GB)');
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-02-01T12:00:00Z');
    expect(fromNow('2026-02-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(fromNow(undefined, now)).toBe('-');
  });
});
