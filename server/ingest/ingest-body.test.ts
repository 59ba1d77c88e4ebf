import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { csvHeaderToField, ingestFormat, splitRecords } from './ingest-body.js';

const ROW = 'a1,0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01,2026-11-26T10:00:00Z,2026-11-26T10:01:00Z,200,4420';

describe('splitRecords', () => {
  it('numbers JSON elements, NDJSON lines and CSV rows as the sender sees them', () => {
    expect(splitRecords('[{"a":1},{"a":2}]', 'json', 10)).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { a: 2 } },
    ]);
    const ndjson = splitRecords('{"a":1}\n\n{oops\n{"a":2}', 'ndjson', 10);
    expect(ndjson.map((r) => r.line)).toEqual([1, 3, 4]);
    expect(ndjson[1]!.value).toBeInstanceOf(Error);
    const csv = splitRecords(`\uFEFFCall ID,customer_id,Started At,endedAt,SIP code,destination,Trunk\r\n${ROW},T1\r\n\r\n`, 'csv', 10);
    expect(csv).toEqual([
      {
        line: 2,
        value: {
          callId: 'a1',
          customerId: '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01',
          startedAt: '2026-11-26T10:00:00Z',
          endedAt: '2026-11-26T10:01:00Z',
          sipCode: '200',
          destination: '4420',
          Trunk: 'T1',
        },
      },
    ]);
  });

  it('refuses a CSV whose first line is not the header, naming the columns expected and those missing', () => {
    const refusal = (body: string) => {
      try {
        splitRecords(body, 'csv', 10);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const headerless = refusal(`${ROW}\n${ROW.replace('a1', 'a2')}`);
    expect(headerless).toBeInstanceOf(AppError);
    expect(headerless).toMatchObject({
      code: 'invalid_input',
      message:
        'The first line of a CSV must be a header naming its columns: callId, customerId, startedAt, endedAt, sipCode, destination (required), ' +
        'ringingAt, answeredAt, pddMs, duration, billedSeconds, sipReason, releaseCause, cli, destinationName, rate, charge, currency (optional). ' +
        'This one lacks the required callId, customerId, startedAt, endedAt, sipCode, destination.',
    });
    expect(refusal(`callId,customerId,start,endedAt,sipCode,dest\n${ROW}`)).toMatchObject({ message: expect.stringMatching(/lacks the required startedAt, destination\.$/) });
    expect(refusal('')).toMatchObject({ code: 'invalid_input' });
  });

  it('refuses a request with more records than allowed', () => {
    expect(() => splitRecords('[1,2,3]', 'json', 2)).toThrow(/At most 2 records per request; this one has 3/);
  });
});

describe('ingestFormat and csvHeaderToField', () => {
  it('reads the format from the content type, JSON by default', () => {
    expect(ingestFormat('text/csv; charset=utf-8')).toBe('csv');
    expect(ingestFormat('application/x-ndjson')).toBe('ndjson');
    expect(ingestFormat(undefined)).toBe('json');
  });

  it('maps loose header spellings to field names, keeping unknown ones as written', () => {
    expect(['call_id', 'Call ID', 'SIP-code', 'destination name', ' Trunk '].map(csvHeaderToField)).toEqual(['callId', 'callId', 'sipCode', 'destinationName', 'Trunk']);
  });
});
