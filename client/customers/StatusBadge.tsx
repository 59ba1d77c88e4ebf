import { memo } from 'react';
import type { Customer } from '../../shared/customer.js';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import { penaltyText } from '../format/penalty-text.js';
import { LazyTooltip } from './LazyTooltip.js';
import classes from './StatusBadge.module.css';

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
