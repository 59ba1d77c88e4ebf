import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Clock, CLOCK_TICK_MS } from './use-clock.js';

describe('Clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-02-01T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('ticks every subscriber with one timer, and only while someone listens', () => {
    const clock = new Clock();
    const calls = [0, 0];
    const stops = calls.map((_, i) => clock.subscribe(() => (calls[i]! += 1)));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(CLOCK_TICK_MS);
    expect(calls).toEqual([1, 1]);
    expect(clock.now()).toBe(Date.parse('2026-02-01T12:00:10Z'));
    // The same value between ticks, as useSyncExternalStore requires.
    expect(clock.now()).toBe(clock.now());
    for (const stop of stops) stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * CLOCK_TICK_MS);
    expect(calls).toEqual([1, 1]);
  });

  it('reads the time afresh when the first subscriber arrives after a quiet spell', () => {
    const clock = new Clock();
    clock.subscribe(() => {})();
    vi.setSystemTime(Date.parse('2026-02-01T13:00:00Z'));
    expect(clock.now()).toBe(Date.parse('2026-02-01T12:00:00Z'));
    const stop = clock.subscribe(() => {});
    expect(clock.now()).toBe(Date.parse('2026-02-01T13:00:00Z'));
    stop();
  });
});
