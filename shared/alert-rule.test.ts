import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema, nextAlertState } from './alert-rule.js';

const below = { operator: '<=' as const, threshold: 15, resetThreshold: 25 };
const above = { operator: '>' as const, threshold: 10, resetThreshold: 7 };

describe('nextAlertState (hysteresis)', () => {
  it('fires once when the value crosses the threshold', () => {
    expect(nextAlertState(below, false, 30)).toBe('stay');
    expect(nextAlertState(below, false, 15)).toBe('fire');
    expect(nextAlertState(above, false, 10)).toBe('stay');
    expect(nextAlertState(above, false, 10.5)).toBe('fire');
  });

  it('stays firing between the threshold and the reset, and clears only past the reset', () => {
    expect(nextAlertState(below, true, 10)).toBe('stay');
    expect(nextAlertState(below, true, 20)).toBe('stay');
    expect(nextAlertState(below, true, 25)).toBe('clear');
    expect(nextAlertState(above, true, 8)).toBe('stay');
    expect(nextAlertState(above, true, 7)).toBe('clear');
  });

  it('with the reset equal to the threshold, clears as soon as the value is no longer past it', () => {
    const rule = { operator: '<' as const, threshold: 0, resetThreshold: 0 };
    expect(nextAlertState(rule, false, -1)).toBe('fire');
    expect(nextAlertState(rule, true, -0.01)).toBe('stay');
    expect(nextAlertState(rule, true, 0)).toBe('clear');
  });
});

describe('alertRuleInputSchema', () => {
  const rule = { name: 'Low ASR', area: 'asr', operator: '<=', threshold: 15, resetThreshold: 25, target: { kind: 'all' } };

  it('fills defaults: 15-minute sample, 20 attempts, no penalty, enabled', () => {
    expect(alertRuleInputSchema.parse(rule)).toMatchObject({ sampleMinutes: 15, minAttempts: 20, penaltyMinutes: null, enabled: true });
  });

  it('refuses a reset on the wrong side of the threshold, naming the field', () => {
    const result = alertRuleInputSchema.safeParse({ ...rule, resetThreshold: 10 });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['resetThreshold']);
    expect(alertRuleInputSchema.safeParse({ ...rule, operator: '>', threshold: 10, resetThreshold: 12 }).success).toBe(false);
  });

  it('needs a customer id or a tag for those targets', () => {
    expect(alertRuleInputSchema.safeParse({ ...rule, target: { kind: 'customer' } }).success).toBe(false);
    expect(alertRuleInputSchema.safeParse({ ...rule, target: { kind: 'tag', tag: '' } }).success).toBe(false);
    expect(alertRuleInputSchema.safeParse({ ...rule, target: { kind: 'tag', tag: 'wholesale' } }).success).toBe(true);
  });
});
