import { Badge } from '@mantine/core';
import { memo } from 'react';
import type { Customer } from '../../shared/customer.js';
import { STATUS_LABELS, type CustomerStatus } from '../../shared/customer-status.js';
import { formatDateTime } from '../format/relative-time.js';
import { LazyTooltip } from './LazyTooltip.js';

export const STATUS_COLORS: Record<CustomerStatus, string> = {
  active: 'green',
  inactive: 'gray',
  pending: 'yellow',
  pending_approval: 'orange',
  penalty: 'red',
};

/** "Penalty until 1 Feb 2026, 14:05, then Active". */
export function penaltyText(c: Pick<Customer, 'penaltyUntil' | 'statusBeforePenalty'>): string {
  const until = c.penaltyUntil ? ` until ${formatDateTime(c.penaltyUntil)}` : '';
  const then = c.statusBeforePenalty ? `, then ${STATUS_LABELS[c.statusBeforePenalty]}` : '';
  return `Penalty${until}${then}`;
}

type StatusFields = Pick<Customer, 'status' | 'penaltyUntil' | 'statusBeforePenalty'>;

/** A customer's status, coloured; a penalty says until when and what comes after. Memoised on those three fields. */
export const StatusBadge = memo(function StatusBadge(customer: StatusFields) {
  const badge = (
    <Badge color={STATUS_COLORS[customer.status]} variant="light" size="sm" miw="max-content">
      {STATUS_LABELS[customer.status]}
    </Badge>
  );
  if (customer.status !== 'penalty') return badge;
  return (
    <LazyTooltip label={penaltyText(customer)} withArrow>
      {badge}
    </LazyTooltip>
  );
});
