import { AppError } from '../../shared/errors.js';

/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins for one email, or
 * MAX_FAILURES_PER_IP from one IP address, within WINDOW_MS, further attempts are refused with 429 until the oldest
 * failure leaves the window. In memory, so per server process and forgotten on restart;
 * enough to make online guessing slow without a table to maintain.
 */
export const MAX_FAILURES = 10;
/** Higher per address: a whole office or NOC behind one NAT address shares it. */
export const MAX_FAILURES_PER_IP = 50;
export const WINDOW_MS = 15 * 60 * 1000;
/** Above this many tracked keys, stale ones are swept so random emails cannot grow memory forever. */
const SWEEP_ABOVE = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Throws AppError('rate_limited') when `email` or `ip` has failed too often lately. */
  check(email: string, ip: string, now: Date): void {
    const waitMs = Math.max(this.waitFor(`email:${email}`, MAX_FAILURES, now), this.waitFor(`ip:${ip}`, MAX_FAILURES_PER_IP, now));
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      throw new AppError(
        'rate_limited',
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
  }

  recordFailure(email: string, ip: string, now: Date): void {
    if (this.failures.size > SWEEP_ABOVE) this.sweep(now);
    for (const key of [`email:${email}`, `ip:${ip}`]) {
      const list = this.recent(key, now);
      list.push(now.getTime());
      this.failures.set(key, list);
    }
  }

  /** A correct password clears the account's count; the address's stays, so one known account cannot reset it. */
  recordSuccess(email: string): void {
    this.failures.delete(`email:${email}`);
  }

  private waitFor(key: string, limit: number, now: Date): number {
    const list = this.recent(key, now);
    if (list.length < limit) return 0;
    const oldestThatCounts = list[list.length - limit] ?? now.getTime();
    return oldestThatCounts + WINDOW_MS - now.getTime();
  }

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private sweep(now: Date): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, now).length === 0) this.failures.delete(key);
    }
  }
}
