import { describe, expect, it } from 'vitest';
import { customRangeError, defaultCustomRange, fromPickerValue, toPickerValue, trafficQuery, windowKey, windowRange } from './traffic-window.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 30);

describe('traffic windows', () => {
  it('ends a preset at the next whole minute and spans its length', () => {
    expect(windowRange({ kind: 'preset', preset: '1h' }, NOW)).toEqual({ from: Date.UTC(2026, 10, 26, 11, 1), to: Date.UTC(2026, 10, 26, 12, 1) });
    expect(windowRange({ kind: 'preset', preset: '24h' }, NOW)).toEqual({ from: Date.UTC(2026, 10, 25, 12, 1), to: Date.UTC(2026, 10, 26, 12, 1) });
    const week = windowRange({ kind: 'preset', preset: '7d' }, NOW);
    expect(week.to - week.from).toBe(7 * 86_400_000);
    const month = windowRange({ kind: 'preset', preset: '30d' }, NOW);
    expect(month.to - month.from).toBe(30 * 86_400_000);
  });

  it('keeps a time already on the minute', () => {
    const onMinute = Date.UTC(2026, 10, 26, 12, 0);
    expect(windowRange({ kind: 'preset', preset: '1h' }, onMinute).to).toBe(onMinute);
  });

  it('uses a custom range as picked', () => {
    const w = { kind: 'custom', from: 1_000, to: 61_000 } as const;
    expect(windowRange(w, NOW)).toEqual({ from: 1_000, to: 61_000 });
    expect(windowKey(w)).toBe('custom:1000-61000');
    expect(windowKey({ kind: 'preset', preset: '7d' })).toBe('7d');
  });

  it('writes the query the server parses', () => {
    const q = new URLSearchParams(trafficQuery({ from: Date.UTC(2026, 10, 26, 9), to: Date.UTC(2026, 10, 26, 12) }));
    expect(q.get('from')).toBe('2026-11-26T09:00:00.000Z');
    expect(q.get('to')).toBe('2026-11-26T12:00:00.000Z');
  });

  it('refuses custom ranges the server would', () => {
    expect(customRangeError(undefined, 5)).toMatch(/both ends/);
    expect(customRangeError(5, 5)).toMatch(/after/);
    expect(customRangeError(0, 401 * 86_400_000)).toMatch(/400 days/);
    expect(customRangeError(0, 400 * 86_400_000)).toBeUndefined();
  });

  it('round-trips the picker value in local time and starts custom at the last 24 hours', () => {
    const t = new Date(2026, 10, 26, 14, 5).getTime();
    expect(toPickerValue(t)).toBe('2026-11-26 14:05:00');
    expect(fromPickerValue('2026-11-26 14:05:00')).toBe(t);
    expect(fromPickerValue(null)).toBeUndefined();
    expect(fromPickerValue('not a date')).toBeUndefined();
    expect(defaultCustomRange(NOW)).toEqual({ from: Date.UTC(2026, 10, 25, 12, 1), to: Date.UTC(2026, 10, 26, 12, 1) });
  });
});
