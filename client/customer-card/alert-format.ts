import type { AlertEvent } from '../../shared/alert-rule.js';
import type { Customer } from '../../shared/customer.js';
import { formatAreaValue } from '../alerts/alert-format.js';
import { penaltyText } from '../format/penalty-text.js';

/** "12 % vs 20 %": what the rule saw against where it fires, in the area's unit (money in the customer's currency). */
export function valueVersusThreshold(e: Pick<AlertEvent, 'area' | 'value' | 'threshold'>, currency: string): string {
  const f = (v: number | null) => (v === null || !Number.isFinite(v) ? '-' : formatAreaValue(e.area, v, currency));
  return `${f(e.value)} vs ${f(e.threshold)}`;
}

/** "In penalty until 1 Feb 2026, 14:05, then Active", or undefined when the customer is not in penalty. */
export function inPenaltyText(c: Pick<Customer, 'status' | 'penaltyUntil' | 'statusBeforePenalty'>): string | undefined {
  if (c.status !== 'penalty') return undefined;
  // The status badge's wording ("Penalty until …"), as part of a sentence.
  const text = penaltyText(c);
  return `In ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
