import { describe, expect, it } from 'vitest';
import { CDR_FIELDS, cdrInputSchema } from '../../shared/cdr.js';
import { checkRecords, unknownFields } from './check-records.js';

const good = {
  callId: 'a1',
  customerId: '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01',
  startedAt: '2026-11-26T10:00:00Z',
  endedAt: '2026-11-26T10:01:00Z',
  sipCode: 200,
  destination: '4420',
};

describe('checkRecords', () => {
  it('refuses a bad record with its line and every reason, naming the fields it does not know', () => {
    const { startedAt, ...rest } = good;
    const checked = checkRecords(
      [
        { line: 1, value: { ...rest, start_time: startedAt, cust: 'x' } },
        { line: 2, value: new Error('This line is not valid JSON') },
        { line: 3, value: { ...good, sipCode: undefined } },
      ],
      cdrInputSchema,
      CDR_FIELDS,
    );
    expect(checked.valid).toEqual([]);
    expect(checked.rejected).toEqual([
      { line: 1, callId: 'a1', message: 'startedAt: missing; unknown fields: start_time, cust' },
      { line: 2, message: 'This line is not valid JSON' },
      { line: 3, callId: 'a1', message: 'sipCode: missing' },
    ]);
    expect(checked.ignoredFields.size).toBe(0);
  });

  it('keeps a good record, collecting the names it ignored', () => {
    const checked = checkRecords([{ line: 1, value: { ...good, trunk: 'T1' } }, { line: 2, value: { ...good, callId: 'a2', trunk: 'T2', cust: 'y' } }], cdrInputSchema, CDR_FIELDS);
    expect(checked.valid.map((v) => v.value.callId)).toEqual(['a1', 'a2']);
    expect([...checked.ignoredFields]).toEqual(['trunk', 'cust']);
  });

  it('says "unknown field" for one, and ignores what is not an object or the cells of a CSV row beyond its header', () => {
    const checked = checkRecords([{ line: 1, value: { ...good, sipCode: 99, x: 1 } }], cdrInputSchema, CDR_FIELDS);
    expect(checked.rejected[0]!.message).toMatch(/; unknown field: x$/);
    expect(unknownFields([1, 2], new Set())).toEqual([]);
    expect(unknownFields('text', new Set())).toEqual([]);
    expect(unknownFields({ a: 1, __parsed_extra: ['z'] }, new Set())).toEqual(['a']);
  });
});
