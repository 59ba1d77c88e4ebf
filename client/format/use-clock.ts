import { useSyncExternalStore } from 'react';

/** How often relative times ("2 min ago") are brought up to date. */
export const CLOCK_TICK_MS = 10_000;

/**
 * The time now, advanced every CLOCK_TICK_MS by one timer shared by every subscriber
 * (a page of 500 rows must not run 500 timers), and only while someone is subscribed.
 * The time is read when the first subscriber arrives, so a view opened after a quiet
 * spell shows the current time once it has subscribed.
 */
export class Clock {
  #now = Date.now();
  readonly #listeners = new Set<() => void>();
  #timer: ReturnType<typeof setInterval> | undefined;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#timer === undefined) {
      // React compares the time after subscribing and renders again if it moved.
      this.#now = Date.now();
      this.#timer = setInterval(() => this.#tick(), CLOCK_TICK_MS);
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0 || this.#timer === undefined) return;
      clearInterval(this.#timer);
      this.#timer = undefined;
    };
  };

  readonly now = (): number => this.#now;

  #tick(): void {
    this.#now = Date.now();
    for (const listener of this.#listeners) listener();
  }
}

const clock = new Clock();

/** The current time in epoch ms, re-rendering the caller every CLOCK_TICK_MS. */
export function useClock(): number {
  return useSyncExternalStore(clock.subscribe, clock.now);
}
