import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema } from '../../shared/alert-rule.js';
import { NEW_RULE_VALUES, ruleToFormValues, toRuleInput, validateRuleForm, type AlertRuleFormValues } from './alert-rule-form-values.js';

const lowAsr: AlertRuleFormValues = { ...NEW_RULE_VALUES, name: 'Low ASR', threshold: 15, resetThreshold: 25, penaltyMinutes: 60 };

describe('alert rule form values', () => {
  it('turns a filled form into the shared input, with only the chosen target', () => {
    const input = toRuleInput({ ...lowAsr, target: { kind: 'tag', tag: 'wholesale', customerId: 'left over' } });
    expect(alertRuleInputSchema.parse(input)).toMatchObject({ threshold: 15, resetThreshold: 25, penaltyMinutes: 60, target: { kind: 'tag', tag: 'wholesale' } });
    expect(toRuleInput({ ...lowAsr, penaltyMinutes: '' }).penaltyMinutes).toBeNull();
  });

  it('names empty numbers and targets plainly', () => {
    const errors = validateRuleForm({ ...NEW_RULE_VALUES, target: { kind: 'customer', tag: '', customerId: '' } });
    expect(errors).toMatchObject({ name: 'Name the rule', threshold: 'Enter a number', resetThreshold: 'Enter a number', 'target.customerId': 'Choose a customer' });
    expect(validateRuleForm({ ...lowAsr, sampleMinutes: '' }).sampleMinutes).toBe('Enter a number');
  });

  it('puts the schema\'s reset rule on the reset field', () => {
    expect(validateRuleForm({ ...lowAsr, resetThreshold: 10 })).toEqual({ resetThreshold: 'For a "below" rule the reset must be at or above the threshold' });
    expect(validateRuleForm(lowAsr)).toEqual({});
  });

  it('round-trips a saved rule', () => {
    const saved = { ...alertRuleInputSchema.parse(toRuleInput(lowAsr)), id: 'r1', createdAt: '', updatedAt: '' };
    expect(toRuleInput(ruleToFormValues(saved))).toEqual(toRuleInput(lowAsr));
  });
});
