import { alertRuleInputSchema, type AlertArea, type AlertOperator, type AlertRule, type AlertRuleInput } from '../../shared/alert-rule.js';
import { zodFormValidate } from '../forms/zod-form-validate.js';

export type TargetKind = 'all' | 'tag' | 'customer';

/**
 * What the rule form edits. Numbers are `number | ''` because a cleared NumberInput gives
 * '', and every target field is kept while the kind changes, so switching back and forth
 * does not lose what was typed. `toRuleInput` turns it into the shared input shape.
 */
export interface AlertRuleFormValues extends Record<string, unknown> {
  name: string;
  area: AlertArea;
  operator: AlertOperator;
  threshold: number | string;
  resetThreshold: number | string;
  sampleMinutes: number | string;
  minAttempts: number | string;
  target: { kind: TargetKind; tag: string; customerId: string };
  /** Empty: the rule puts nobody in penalty. */
  penaltyMinutes: number | string;
  enabled: boolean;
}

export const NEW_RULE_VALUES: AlertRuleFormValues = {
  name: '',
  area: 'asr',
  operator: '<=',
  threshold: '',
  resetThreshold: '',
  sampleMinutes: 15,
  minAttempts: 20,
  target: { kind: 'all', tag: '', customerId: '' },
  penaltyMinutes: '',
  enabled: true,
};

export function ruleToFormValues(rule: AlertRule): AlertRuleFormValues {
  const { target } = rule;
  return {
    name: rule.name,
    area: rule.area,
    operator: rule.operator,
    threshold: rule.threshold,
    resetThreshold: rule.resetThreshold,
    sampleMinutes: rule.sampleMinutes,
    minAttempts: rule.minAttempts,
    target: {
      kind: target.kind,
      tag: target.kind === 'tag' ? target.tag : '',
      customerId: target.kind === 'customer' ? target.customerId : '',
    },
    penaltyMinutes: rule.penaltyMinutes ?? '',
    enabled: rule.enabled,
  };
}

/** '' and text that is not a number become NaN, which the schema refuses (no silent defaults). */
const toNumber = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

export function toRuleInput(v: AlertRuleFormValues): AlertRuleInput {
  const t = v.target;
  const target: AlertRuleInput['target'] =
    t.kind === 'tag' ? { kind: 'tag', tag: t.tag } : t.kind === 'customer' ? { kind: 'customer', customerId: t.customerId } : { kind: 'all' };
  return {
    name: v.name,
    area: v.area,
    operator: v.operator,
    threshold: toNumber(v.threshold),
    resetThreshold: toNumber(v.resetThreshold),
    sampleMinutes: toNumber(v.sampleMinutes),
    minAttempts: toNumber(v.minAttempts),
    target,
    penaltyMinutes: v.penaltyMinutes === '' ? null : toNumber(v.penaltyMinutes),
    enabled: v.enabled,
  };
}

const validateInput = zodFormValidate(alertRuleInputSchema);
const NUMBER_FIELDS = ['threshold', 'resetThreshold', 'sampleMinutes', 'minAttempts'] as const;

/**
 * The shared schema decides; only its wording for empty fields is replaced, because
 * "expected number, received undefined" tells staff less than "Enter a number".
 */
export function validateRuleForm(values: AlertRuleFormValues): Record<string, string> {
  const errors = validateInput(toRuleInput(values));
  for (const field of NUMBER_FIELDS) if (errors[field] && values[field] === '') errors[field] = 'Enter a number';
  if (errors['target.tag'] && values.target.tag.trim() === '') errors['target.tag'] = 'Enter a tag';
  if (errors['target.customerId'] && values.target.customerId === '') errors['target.customerId'] = 'Choose a customer';
  return errors;
}
