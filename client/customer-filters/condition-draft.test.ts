import { describe, expect, it } from 'vitest';
import { draftToCondition, kindOf, newDraft, withField } from './condition-draft.js';

describe('the condition builder', () => {
  it('knows each field by the kind of value it holds', () => {
    expect([kindOf('name'), kindOf('credit'), kindOf('asr1h'), kindOf('status'), kindOf('accountManager'), kindOf('lastCall')]).toEqual([
      'text',
      'money',
      'number',
      'set',
      'set',
      'date',
    ]);
  });

  it('turns filled-in inputs into a condition the shared schema accepts', () => {
    expect(draftToCondition({ ...newDraft('credit'), op: 'lt', value: 0 })).toEqual({ condition: { type: 'number', field: 'credit', op: 'lt', value: 0 } });
    expect(draftToCondition({ ...newDraft('credit'), op: 'between', value: -10, to: 10, currency: 'EUR' })).toEqual({
      condition: { type: 'number', field: 'credit', op: 'between', value: -10, to: 10, currency: 'EUR' },
    });
    expect(draftToCondition({ ...newDraft('lastCall'), op: 'olderThan', amount: 30, unit: 'd' })).toEqual({
      condition: { type: 'date', field: 'lastCall', op: 'olderThan', amount: 30, unit: 'd' },
    });
    expect(draftToCondition({ ...newDraft('createdAt'), op: 'between', from: '2026-01-01', until: '2026-01-31' })).toEqual({
      condition: { type: 'date', field: 'createdAt', op: 'between', from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2026-01-31T23:59:59.999Z') },
    });
    expect(draftToCondition({ ...newDraft('status'), values: ['inactive'] })).toEqual({ condition: { type: 'set', field: 'status', op: 'in', values: ['inactive'] } });
  });

  it('says what is missing instead of making a condition that keeps everything', () => {
    expect(draftToCondition({ ...newDraft('credit'), op: 'lt' })).toEqual({ error: 'Enter a number' });
    expect(draftToCondition({ ...newDraft('credit'), op: 'between', value: 1 })).toEqual({ error: 'Enter the upper bound' });
    expect(draftToCondition(newDraft('status'))).toEqual({ error: 'Choose at least one value' });
    expect(draftToCondition(newDraft('name'))).toEqual({ error: 'Type the text to look for' });
  });

  it('keeps what was typed when the field changes to one of the same kind, and starts over otherwise', () => {
    const draft = { ...newDraft('credit'), op: 'gt', value: 5 };
    expect(withField(draft, 'debitLimit')).toMatchObject({ field: 'debitLimit', op: 'gt', value: 5 });
    expect(withField(draft, 'status')).toMatchObject({ field: 'status', op: 'in', values: [] });
  });
});
