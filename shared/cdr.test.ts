import { describe, expect, it } from 'vitest';
import { CDR_REQUIRED_FIELDS, MAX_CHARGE, cdrInputSchema, parseCallTime } from './cdr.js';

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

describe('cdrInputSchema refuses what the database would refuse', () => {
  const issues = (v: object) => cdrInputSchema.safeParse({ ...base, ...v }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  it('says "missing" for each required field that is absent, null or an empty cell', () => {
    expect(CDR_REQUIRED_FIELDS).toEqual(['callId', 'customerId', 'startedAt', 'endedAt', 'sipCode', 'destination']);
    expect(cdrInputSchema.safeParse({}).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      CDR_REQUIRED_FIELDS.map((f) => `${f}: missing`),
    );
    expect(issues({ startedAt: undefined })).toEqual(['startedAt: missing']);
    expect(issues({ sipCode: '', destination: null })).toEqual(['sipCode: missing', 'destination: missing']);
  });

  it('refuses NUL and other control characters in every text field', () => {
    for (const field of ['callId', 'sipReason', 'releaseCause', 'cli', 'destination', 'destinationName']) {
      for (const bad of ['Busy\u0000', 'a\nb', 'x\u001b[31m', 'y\u0085']) {
        expect(issues({ [field]: bad }), `${field} ${JSON.stringify(bad)}`).toEqual([`${field}: Contains a control character (such as NUL) that cannot be stored`]);
      }
    }
    expect(cdrInputSchema.parse({ ...base, sipReason: 'Busy Here – ünïcode ok' }).sipReason).toBe('Busy Here – ünïcode ok');
  });

  it('bounds charges, so neither a record nor the sums of a customer can overflow numeric(20,4)', () => {
    expect(issues({ charge: '9999999999999999', currency: 'USD' })).toEqual(['charge: At most 100,000,000 for one call']);
    expect(issues({ charge: 1e21, currency: 'USD' })).toEqual(['charge: Not an amount with at most 4 decimals']);
    expect(cdrInputSchema.parse({ ...base, charge: MAX_CHARGE, currency: 'USD' }).charge).toBe('100000000.00');
    expect(issues({ rate: 1e15 })?.[0]).toMatch(/^rate:/);
  });

  it('keeps times within what can be stored, and a call within 7 days', () => {
    expect(issues({ startedAt: 1e20, endedAt: 1e20 })).toEqual(['startedAt: Not a time between 1970 and 9999', 'endedAt: Not a time between 1970 and 9999']);
    expect(issues({ endedAt: 1e20 })).toEqual(['endedAt: Not a time between 1970 and 9999']);
    expect(issues({ startedAt: -5 })).toEqual(['startedAt: Not a time between 1970 and 9999']);
    expect(issues({ endedAt: '2026-12-03T10:00:01Z' })).toEqual(['endedAt: Ends more than 7 days after it starts']);
    expect(issues({ duration: 8 * 86_400 })?.[0]).toMatch(/^duration:/);
    expect(issues({ sipCode: 'abc' })).toEqual(['sipCode: Not a number']);
  });
});
