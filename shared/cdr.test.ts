import { describe, expect, it } from 'vitest';
import { cdrInputSchema, parseCallTime } from './cdr.js';

const base = {
  callId: 'a1',
  customerId: '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01',
  startedAt: '2026-11-26T10:00:00Z',
  endedAt: '2026-11-26T10:01:00Z',
  sipCode: 200,
  destination: '4420',
};

describe('parseCallTime', () => {
  it('reads ISO 8601, zone-less times as UTC, and epoch seconds or milliseconds', () => {
    const t = Date.UTC(2026, 10, 26, 10, 0, 0);
    expect(parseCallTime('2026-11-26T10:00:00Z')).toBe(t);
    expect(parseCallTime('2026-11-26 10:00:00')).toBe(t);
    expect(parseCallTime('2026-11-26T11:00:00+01:00')).toBe(t);
    expect(parseCallTime(t / 1000)).toBe(t);
    expect(parseCallTime(String(t / 1000))).toBe(t);
    expect(parseCallTime(t)).toBe(t);
    expect(parseCallTime('yesterday')).toBeNaN();
    expect(parseCallTime(null)).toBeNaN();
  });
});

describe('cdrInputSchema', () => {
  it('accepts a CSV-like record of strings, empty cells as missing', () => {
    const r = cdrInputSchema.parse({ ...base, sipCode: '486', ringingAt: '', charge: '0.5', currency: 'usd ', rate: '0.012' });
    expect(r).toMatchObject({ sipCode: 486, ringingAt: undefined, charge: '0.50', currency: 'USD', rate: 0.012 });
  });

  it('refuses impossible calls with the field and reason', () => {
    const issues = (v: object) => cdrInputSchema.safeParse({ ...base, ...v }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ endedAt: '2026-11-26T09:00:00Z' })).toEqual(['endedAt: Ends before it starts']);
    expect(issues({ answeredAt: '2026-11-26T11:00:00Z' })).toEqual(['answeredAt: Answered outside the call']);
    expect(issues({ charge: '0.10' })).toEqual(['currency: A charge needs its currency']);
    expect(issues({ charge: '-1', currency: 'USD' })).toEqual(['charge: A charge cannot be negative']);
    expect(issues({ charge: '0.123456', currency: 'USD' })).toEqual(['charge: Not an amount with at most 4 decimals']);
    expect(issues({ currency: 'XXZ' })).toEqual(['currency: Not an ISO 4217 currency code']);
    expect(issues({ sipCode: 700 })?.[0]).toMatch(/^sipCode/);
  });
});

describe('cdrInputSchema text fields', () => {
  it('refuses a missing call id or destination sent as null, instead of storing the text "null"', () => {
    expect(cdrInputSchema.safeParse({ ...base, callId: null }).success).toBe(false);
    expect(cdrInputSchema.safeParse({ ...base, destination: null }).success).toBe(false);
    expect(cdrInputSchema.safeParse({ ...base, callId: { id: 1 } }).success).toBe(false);
    expect(cdrInputSchema.parse({ ...base, callId: 12345, cli: 4420, destination: ' 4930 ' })).toMatchObject({ callId: '12345', cli: '4420', destination: '4930' });
  });
});
