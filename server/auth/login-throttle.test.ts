import { describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors.js';
import { LoginThrottle, MAX_FAILURES, MAX_FAILURES_PER_IP, WINDOW_MS } from './login-throttle.js';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

function refusal(fn: () => void): AppError | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('LoginThrottle', () => {
  it('refuses an email after ten failures and lets it try again once the window has passed', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(refusal(() => throttle.check('ann@x.example', `10.0.0.${i}`, at(i * 1000)))).toBeUndefined();
      throttle.recordFailure('ann@x.example', `10.0.0.${i}`, at(i * 1000));
    }
    const refused = refusal(() => throttle.check('ann@x.example', '10.0.0.99', at(MAX_FAILURES * 1000)));
    expect(refused?.code).toBe('rate_limited');
    expect(refused?.message).toMatch(/Try again in 15 minutes/);
    // Other accounts from other addresses are unaffected.
    expect(refusal(() => throttle.check('bob@x.example', '10.0.1.1', at(MAX_FAILURES * 1000)))).toBeUndefined();
    // When the first failure leaves the window, one more attempt is allowed.
    expect(refusal(() => throttle.check('ann@x.example', '10.0.0.99', at(WINDOW_MS + 1)))).toBeUndefined();
  });

  it('refuses an address after fifty failures spread over many emails', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) throttle.recordFailure(`user${i}@x.example`, '192.0.2.1', at(i));
    expect(refusal(() => throttle.check('new@x.example', '192.0.2.1', at(100)))?.code).toBe('rate_limited');
    expect(refusal(() => throttle.check('new@x.example', '192.0.2.2', at(100)))).toBeUndefined();
  });

  it('forgets an account’s failures after a correct password, but not the address’s', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) throttle.recordFailure('ann@x.example', '192.0.2.1', at(i));
    throttle.recordSuccess('ann@x.example');
    throttle.recordFailure('ann@x.example', '192.0.2.9', at(50));
    expect(refusal(() => throttle.check('ann@x.example', '192.0.2.9', at(60)))).toBeUndefined();
    for (let i = MAX_FAILURES - 1; i < MAX_FAILURES_PER_IP; i++) throttle.recordFailure(`zed${i}@x.example`, '192.0.2.1', at(70));
    expect(refusal(() => throttle.check('other@x.example', '192.0.2.1', at(80)))?.code).toBe('rate_limited');
  });
});
