import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttlePokes } from './poke-throttle.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttlePokes', () => {
  it('runs the first poke at once', () => {
    const listener = vi.fn();
    throttlePokes(listener, 50)();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('collapses a burst into one trailing run at the end of the window, dropping none', () => {
    const listener = vi.fn();
    const poke = throttlePokes(listener, 50);
    for (let i = 0; i < 500; i++) poke();
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(49);
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('runs at most once per window under a steady stream of pokes', () => {
    const listener = vi.fn();
    const poke = throttlePokes(listener, 50);
    for (let ms = 0; ms < 1000; ms += 5) {
      poke();
      vi.advanceTimersByTime(5);
    }
    expect(listener.mock.calls.length).toBeLessThanOrEqual(21);
    expect(listener.mock.calls.length).toBeGreaterThanOrEqual(19);
  });

  it('runs a poke at once again when the window has passed', () => {
    const listener = vi.fn();
    const poke = throttlePokes(listener, 50);
    poke();
    vi.advanceTimersByTime(60);
    poke();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('drops a pending run when cancelled', () => {
    const listener = vi.fn();
    const poke = throttlePokes(listener, 50);
    poke();
    poke();
    poke.cancel();
    vi.advanceTimersByTime(100);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
