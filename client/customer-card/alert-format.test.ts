import { describe, expect, it } from 'vitest';
import { inPenaltyText, valueVersusThreshold } from './alert-format.js';

describe('alert display', () => {
  it('formats values in the area’s unit', () => {
    expect(valueVersusThreshold({ area: 'asr', value: 12.34, threshold: 20 }, 'USD')).toBe('12.34 % vs 20 %');
    expect(valueVersusThreshold({ area: 'acd', value: 4.25, threshold: 60 }, 'USD')).toBe('4.25 s vs 60 s');
    expect(valueVersusThreshold({ area: 'channels', value: 1200, threshold: 1000 }, 'USD')).toBe('1,200 vs 1,000');
    expect(valueVersusThreshold({ area: 'credit', value: -5, threshold: 0 }, 'EUR')).toBe('-5.00 EUR vs 0.00 EUR');
    expect(valueVersusThreshold({ area: 'pdd', value: null, threshold: 10 }, 'USD')).toBe('- vs 10 s');
  });

  it('says when a penalty ends and what follows, only while in penalty', () => {
    expect(inPenaltyText({ status: 'active' })).toBeUndefined();
    const text = inPenaltyText({ status: 'penalty', penaltyUntil: '2026-02-01T14:05:00.000Z', statusBeforePenalty: 'active' });
    expect(text).toMatch(/^In penalty until \d+ Feb 2026, \d\d:\d\d, then Active$/);
    expect(inPenaltyText({ status: 'penalty' })).toBe('In penalty');
  });
});
