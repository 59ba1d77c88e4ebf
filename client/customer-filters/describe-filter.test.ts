import { describe, expect, it } from 'vitest';
import { QUICK_FILTERS } from '../../shared/quick-filters.js';
import { describeFilter } from './describe-filter.js';

describe('filters in words', () => {
  it('names a one-click filter by its own label, also when rebuilt from a URL', () => {
    const noTraffic = QUICK_FILTERS.find((q) => q.id === 'no-traffic-30d')!;
    expect(describeFilter(JSON.parse(JSON.stringify(noTraffic.filter)))).toBe('No traffic for 30 days');
    expect(describeFilter({ type: 'set', field: 'warning', op: 'in', values: ['cannot_dial'] })).toBe('Cannot dial');
  });

  it('says what each kind of condition keeps', () => {
    expect(describeFilter({ type: 'number', field: 'credit', op: 'le', value: -100, currency: 'EUR' })).toBe('Credit ≤ -100 EUR');
    expect(describeFilter({ type: 'number', field: 'asr1h', op: 'between', value: 20, to: 40 })).toBe('ASR % (1 h) 20–40');
    expect(describeFilter({ type: 'text', field: 'accountManager', op: 'startsWith', value: 'Sar' })).toBe('Account manager starts with “Sar”');
    expect(describeFilter({ type: 'set', field: 'status', op: 'notIn', values: ['inactive', 'penalty'] })).toBe('Status not: Inactive, Penalty');
    expect(describeFilter({ type: 'date', field: 'lastCall', op: 'within', amount: 24, unit: 'h' })).toBe('Last call within 24 h');
  });

  it('puts nested groups in parentheses', () => {
    expect(
      describeFilter({
        type: 'group',
        op: 'or',
        children: [
          { type: 'set', field: 'currency', op: 'in', values: ['USD'] },
          { type: 'group', op: 'and', children: [{ type: 'number', field: 'credit', op: 'lt', value: 0 }, { type: 'set', field: 'country', op: 'in', values: ['DE'] }] },
        ],
      }),
    ).toBe('Currency: USD or (Negative balance and Country: Germany)');
  });
});
