import { describe, expect, it } from 'vitest';
import { cookieOrder, isPartialCookie, metricsCookieOrder, syncCookieSchema } from './sync-protocol.js';

const LOW = '00000000-0000-4000-8000-000000000000';
const HIGH = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
const NIL = '00000000-0000-0000-0000-000000000000';

describe('cookie order', () => {
  it('grows through a catch-up: customers pages, then figures pages, then the final cookie', () => {
    // A catch-up from version 7 whose customers were complete at version 12.
    const sequence = [
      cookieOrder(7),
      cookieOrder(8, LOW),
      cookieOrder(12, HIGH),
      metricsCookieOrder(12, 7, NIL),
      metricsCookieOrder(12, 9, HIGH),
      metricsCookieOrder(12, 15, LOW),
      cookieOrder(12),
      cookieOrder(13, LOW),
      cookieOrder(13),
    ];
    for (let i = 1; i < sequence.length; i++) expect(sequence[i]! > sequence[i - 1]!, sequence[i]).toBe(true);
  });

  it('marks the figures stream in the cookie, which stays partial until the end', () => {
    const cookie = syncCookieSchema.parse({ order: metricsCookieOrder(12, 9, LOW), since: 7, after: { v: 9, id: LOW, s: 'm' }, phaseSince: 12 });
    expect(isPartialCookie(cookie)).toBe(true);
    expect(isPartialCookie({ order: cookieOrder(12), since: 12 })).toBe(false);
    expect(syncCookieSchema.safeParse({ order: 'x', since: 0, after: { v: 0, id: LOW, s: 'x' } }).success).toBe(false);
  });
});
