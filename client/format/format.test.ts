import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from './country-names.js';
import { formatMoney } from './format-money.js';
import { tupleToSums } from '../../shared/metrics.js';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import {
  asrColor,
  asrDetailLines,
  customersCount,
  formatChannels,
  formatCount,
  formatDuration,
  formatLimit,
  formatPercent,
  formatRate,
  formatSeconds,
} from './format-metrics.js';
import { formatAgo, fromNow } from './relative-time.js';

describe('display formats', () => {
  it('formats money with its currency, exact to the cent', () => {
    // Intl puts a no-break space between the code and the amount.
    const money = (a: string, c: string) => formatMoney(a, c).replace(/\u00a0/g, ' ');
    expect(money('1250.5', 'USD')).toBe('USD 1,250.50');
    expect(money('-20.00', 'EUR')).toBe('-EUR 20.00');
    expect(money('1000', 'JPY')).toBe('JPY 1,000');
  });

  it('shows "-" for a metric without data, never 0 or NaN', () => {
    for (const f of [formatPercent, formatDuration, formatSeconds, formatCount, formatRate]) {
      expect(f(undefined)).toBe('-');
      expect(f(Number.NaN)).toBe('-');
    }
    expect(formatDuration(307)).toBe('5:07');
    expect(formatDuration(292)).toBe('4:52');
    expect(formatSeconds(2.25)).toBe('2.3 s');
    expect(formatSeconds(3.2)).toBe('3.2 s');
  });

  it('shows percentages whole, with one decimal under 10%', () => {
    expect(formatPercent(57)).toBe('57%');
    expect(formatPercent(45.678)).toBe('46%');
    expect(formatPercent(4.54)).toBe('4.5%');
    expect(formatPercent(9.96)).toBe('10%');
    expect(formatPercent(0.04)).toBe('0%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(100)).toBe('100%');
  });

  it('shows CPS with one decimal and channels against their limit', () => {
    expect(formatRate(1.4)).toBe('1.4');
    expect(formatRate(0)).toBe('0.0');
    expect(formatRate(0.05)).toBe('0.1');
    expect(formatRate(1234.4)).toBe('1,234');
    expect(formatChannels(12, 30)).toBe('12 / 30');
    expect(formatChannels(12, 0)).toBe('12');
    expect(formatChannels(1200, 1500)).toBe('1,200 / 1,500');
    expect(formatChannels(undefined, 30)).toBe('- / 30');
    expect(formatChannels(undefined, 0)).toBe('-');
  });

  it('colours ASR only with enough attempts: good from 60%, poor under 40%, bad under 20%', () => {
    expect(asrColor(60, 20)).toBe('green');
    expect(asrColor(59.9, 20)).toBeUndefined();
    expect(asrColor(40, 20)).toBeUndefined();
    expect(asrColor(39.9, 20)).toBe('orange');
    expect(asrColor(19.9, 20)).toBe('red');
    expect(asrColor(0, 500)).toBe('red');
    expect(asrColor(5, 19)).toBeUndefined();
    expect(asrColor(undefined, 100)).toBeUndefined();
  });

  it('explains an ASR by its counts and NER over the last hour and day', () => {
    const m = makeCustomerMetrics();
    expect(asrDetailLines(tupleToSums(m.h1), tupleToSums(m.h24))).toEqual([
      'Last hour: 57 of 100 attempts answered · ASR 57% · NER 95%',
      'Last 24 h: 1,300 of 2,400 attempts answered · ASR 54% · NER 96%',
    ]);
    const few = asrDetailLines(tupleToSums([3, 1, 1000, 0, 0, 0, 0, 0]), tupleToSums([0, 0, 0, 0, 0, 0, 0, 0]));
    expect(few).toEqual([
      'Last hour: 1 of 3 attempts answered · ASR 33% · NER 33%',
      'Last 24 h: 0 of 0 attempts answered · ASR - · NER -',
      'Not coloured under 20 attempts in the last hour',
    ]);
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

  it('says how long ago a call was, compactly', () => {
    const now = Date.parse('2026-02-01T12:00:00Z');
    const ago = (ms: number) => formatAgo(now - ms, now);
    expect(ago(0)).toBe('just now');
    expect(ago(59_000)).toBe('just now');
    // A few seconds ahead of this device's clock is still now.
    expect(ago(-5_000)).toBe('just now');
    expect(ago(60_000)).toBe('1 min ago');
    expect(ago(2 * 60_000 + 30_000)).toBe('2 min ago');
    expect(ago(3 * 3_600_000 + 59 * 60_000)).toBe('3 h ago');
    expect(ago(24 * 3_600_000)).toBe('1 day ago');
    expect(ago(5 * 24 * 3_600_000)).toBe('5 days ago');
    expect(formatAgo(Date.parse('2025-11-03T12:00:00Z'), now)).toBe('3 Nov 2025');
    expect(formatAgo(undefined, now)).toBe('-');
  });
});
