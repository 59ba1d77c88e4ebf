import { describe, expect, it } from 'vitest';
import { CALL_EVENT_FIELDS, callEventSchema } from './call-event.js';

const base = { callId: 'c1', customerId: '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01', type: 'started', at: '2026-11-26T10:00:00Z' };
const issues = (v: object) => callEventSchema.safeParse({ ...base, ...v }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('callEventSchema', () => {
  it('takes an event without a time (it happened on arrival)', () => {
    expect(callEventSchema.parse({ ...base, at: undefined })).toEqual({ callId: 'c1', customerId: base.customerId, type: 'started', at: undefined });
    expect(CALL_EVENT_FIELDS).toEqual(['callId', 'customerId', 'type', 'at']);
  });

  it('refuses what cannot be stored or is not an event, field by field', () => {
    expect(issues({ at: 1e20 })).toEqual(['at: Not a time between 1970 and 9999']);
    expect(issues({ callId: 'a\u0000b' })).toEqual(['callId: Contains a control character (such as NUL) that cannot be stored']);
    expect(issues({ type: undefined, customerId: '' })).toEqual(['customerId: missing', 'type: missing']);
    expect(issues({ type: 'hungup' })).toEqual(['type: Not an event type: use started, ringing, answered, ended']);
  });
});
