import { memo } from 'react';
import type { Customer } from '../../shared/customer.js';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import { formatDateTime } from '../format/relative-time.js';
import { LazyTooltip } from './LazyTooltip.js';
import classes from './StatusBadge.module.css';

/** "Penalty until 1 Feb 2026, 14:05, then Active". */
export function penaltyText(c: Pick<Customer, 'penaltyUntil' | 'statusBeforePenalty'>): string {
  const until = c.penaltyUntil ? ` until ${formatDateTime(c.penaltyUntil)}` : '';
  const then = c.statusBeforePenalty ? `, then ${STATUS_LABELS[c.statusBeforePenalty]}` : '';
  return `Penalty${until}${then}`;
}

type StatusFields = Pick<Customer, 'status' | 'penaltyUntil' | 'statusBeforePenalty'>;

/**
 * A customer's status, coloured; a penalty says until when and what comes after. Memoised
 * on those three fields. A plain span with static classes: a bulk status change
 * re-renders a whole page of these in the click's frame.
 */
export const StatusBadge = memo(function StatusBadge(customer: StatusFields) {
  const badge = <span className={`${classes.badge} ${classes[customer.status]}`}>{STATUS_LABELS[customer.status]}</span>;
  if (customer.status !== 'penalty') return badge;
  return (
    <LazyTooltip label={penaltyText(customer)} withArrow>
      {badge}
    </LazyTooltip>
  );
});
