import { z } from 'zod';
import { noControlCharacters } from './text.js';

/**
 * Alert rules as staff write them. Thresholds are in the area's unit: money in the
 * customer's own currency, ASR in percent, ACD and PDD in seconds, channels as a count.
 */
export const ALERT_AREAS = ['credit', 'available_credit', 'asr', 'acd', 'pdd', 'channels'] as const;
export type AlertArea = (typeof ALERT_AREAS)[number];

export const ALERT_OPERATORS = ['<', '<=', '>', '>='] as const;
export type AlertOperator = (typeof ALERT_OPERATORS)[number];

/** Areas measured over the rule's sample period from traffic (and needing enough attempts). */
export const TRAFFIC_AREAS: readonly AlertArea[] = ['asr', 'acd', 'pdd'];

export const AREA_LABELS: Record<AlertArea, string> = {
  credit: 'Credit',
  available_credit: 'Available credit',
  asr: 'ASR (%)',
  acd: 'ACD (s)',
  pdd: 'PDD (s)',
  channels: 'Channels',
};

export const alertRuleInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the rule').max(100).check(noControlCharacters()),
    area: z.enum(ALERT_AREAS),
    operator: z.enum(ALERT_OPERATORS),
    threshold: z.number().finite(),
    /** Where the figure must get back to before the rule can fire again. */
    resetThreshold: z.number().finite(),
    sampleMinutes: z.number().int().min(1).max(1440).default(15),
    minAttempts: z.number().int().min(0).max(1_000_000).default(20),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('customer'), customerId: z.uuid() }),
      z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(50).check(noControlCharacters()) }),
      z.object({ kind: z.literal('all') }),
    ]),
    /** Puts the customer in penalty for this long when the rule fires. */
    penaltyMinutes: z.number().int().min(1).max(30 * 1440).nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    const below = r.operator === '<' || r.operator === '<=';
    if (below ? r.resetThreshold < r.threshold : r.resetThreshold > r.threshold) {
      ctx.addIssue({
        code: 'custom',
        path: ['resetThreshold'],
        message: below ? 'For a "below" rule the reset must be at or above the threshold' : 'For an "above" rule the reset must be at or below the threshold',
      });
    }
  });
export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type AlertRuleValues = z.output<typeof alertRuleInputSchema>;

export interface AlertRule extends AlertRuleValues {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertEvent {
  id: string;
  ruleId: string | null;
  ruleName: string;
  customerId: string;
  customerName: string;
  kind: 'fired' | 'cleared';
  area: AlertArea;
  value: number | null;
  threshold: number;
  penaltyUntil: string | null;
  at: string;
}

/** True when `value` is past the threshold in the rule's direction. */
export function crosses(operator: AlertOperator, value: number, threshold: number): boolean {
  switch (operator) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
  }
}

/**
 * The hysteresis: a quiet rule fires when the value crosses the threshold; a firing
 * rule clears only once the value is back past the reset threshold (strictly on the
 * other side of it), so a value hovering at the threshold does not flap.
 */
export function nextAlertState(rule: Pick<AlertRuleValues, 'operator' | 'threshold' | 'resetThreshold'>, firing: boolean, value: number): 'fire' | 'clear' | 'stay' {
  if (!firing) return crosses(rule.operator, value, rule.threshold) ? 'fire' : 'stay';
  const below = rule.operator === '<' || rule.operator === '<=';
  const recovered = below ? value >= rule.resetThreshold : value <= rule.resetThreshold;
  return recovered && !crosses(rule.operator, value, rule.threshold) ? 'clear' : 'stay';
}

/** Query of the alerts log (`GET /api/alerts`). */
export const alertLogQuerySchema = z.object({
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Paging: events older than this id. */
  before: z.string().regex(/^\d{1,18}$/).optional(),
});

export const alertRuleIdSchema = z.object({ id: z.uuid({ message: 'Not an alert rule id (UUID)' }) });
