import { setTimeout as delay } from 'node:timers/promises';
import { isTransientDbError } from './db-errors.js';

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** Wait before the second try; doubled for each further one, with jitter. */
  firstDelayMs?: number;
  /** Called before each wait, for the log. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `work` and, when it fails with a transient database error (see
 * `isTransientDbError`), runs it again after a short, growing, jittered wait, a bounded
 * number of times. `work` must be safe to repeat: one transaction that either committed
 * or did not (a retry of committed work must find it done, as push's mutation ids and
 * ingest's call-record keys do). Any other error, and the last transient one, is thrown.
 */
export async function retryTransient<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const first = options.firstDelayMs ?? 50;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientDbError(error)) throw error;
      options.onRetry?.(error, attempt);
      // Equal jitter (half the delay fixed, half random): processes that failed together do
      // not retry together, and none retries at once.
      await delay(Math.round(first * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)));
    }
  }
}
