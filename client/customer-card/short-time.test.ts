import { describe, expect, it } from 'vitest';
import { shortDateTime } from './short-time.js';

describe('short table times', () => {
  const now = new Date(2026, 10, 26, 12).getTime();
  it('leaves out the current year and keeps an earlier one', () => {
    expect(shortDateTime(new Date(2026, 1, 1, 14, 5).getTime(), now)).toBe('1 Feb, 14:05');
    expect(shortDateTime(new Date(2025, 11, 31, 23, 59).toISOString(), now)).toBe('31 Dec 2025, 23:59');
  });
  it('shows "-" without a time', () => {
    expect(shortDateTime(null, now)).toBe('-');
    expect(shortDateTime('garbage', now)).toBe('-');
  });
});
