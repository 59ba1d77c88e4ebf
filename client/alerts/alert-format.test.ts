import { describe, expect, it } from 'vitest';
import { formatAreaValue, formatCondition, formatMinutes, formatPenalty, formatSample } from './alert-format.js';

describe('alert rule formatting', () => {
  it('writes the condition with its unit and reset', () => {
    expect(formatCondition({ area: 'asr', operator: '<=', threshold: 15, resetThreshold: 25 })).toBe('ASR ≤ 15 % (resets at 25 %)');
    expect(formatCondition({ area: 'pdd', operator: '>', threshold: 6.5, resetThreshold: 4 })).toBe('PDD > 6.5 s (resets at 4 s)');
    expect(formatCondition({ area: 'available_credit', operator: '<', threshold: 0, resetThreshold: 50 })).toBe('Available credit < 0 (resets at 50)');
  });

  it('writes durations and penalties compactly', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(2880)).toBe('2 days');
    expect(formatPenalty(60)).toBe('1 h penalty');
    expect(formatPenalty(null)).toBe('—');
  });

  it('shows a sample period only for traffic figures', () => {
    expect(formatSample({ area: 'asr', sampleMinutes: 15, minAttempts: 20 })).toBe('15 min, ≥ 20 calls');
    expect(formatSample({ area: 'channels', sampleMinutes: 15, minAttempts: 20 })).toBe('—');
  });

  it('puts money in the customer currency when known', () => {
    expect(formatAreaValue('credit', -12.5, 'EUR')).toBe('-12.50 EUR');
    expect(formatAreaValue('asr', 12.345)).toBe('12.35 %');
  });
});
