import type { Customer } from '../../shared/customer.js';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import { formatDateTime } from './relative-time.js';

/** "Penalty until 1 Feb 2026, 14:05, then Active". */
export function penaltyText(c: Pick<Customer, 'penaltyUntil' | 'statusBeforePenalty'>): string {
  const until = c.penaltyUntil ? ` until ${formatDateTime(c.penaltyUntil)}` : '';
  const then = c.statusBeforePenalty ? `, then ${STATUS_LABELS[c.statusBeforePenalty]}` : '';
  return `Penalty${until}${then}`;
}
