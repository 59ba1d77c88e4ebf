import { Checkbox, Text, VisuallyHidden } from '@mantine/core';
import { memo, useContext } from 'react';
import { availableCredit } from '../../shared/warnings.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { formatMoney } from '../format/format-money.js';
import classes from './CompactCustomerList.module.css';
import { RowLookupContext } from './LiveCell.js';
import { StatusBadge } from './StatusBadge.js';
import { WarningIcons } from './WarningIcons.js';

export interface CompactCustomerRowProps {
  record: IndexedCustomer;
  onOpen: (id: string) => void;
  /** Undefined hides the checkbox (viewers). */
  onToggle?: (id: string) => void;
  selected: boolean;
}

/**
 * One customer on a phone: name and account ref, warning icons, status and available
 * balance (red when the customer cannot dial). A tap anywhere but the checkbox opens the card.
 * Shows the customer's current row (as the grid's cells do), so edits in place reach it.
 */
export const CompactCustomerRow = memo(function CompactCustomerRow({ record, onOpen, onToggle, selected }: CompactCustomerRowProps) {
  const row = useContext(RowLookupContext)(record.id) ?? record;
  const c = row.customer;
  return (
    <div role="listitem" className={classes.row} data-selected={selected || undefined}>
      {onToggle && (
        <label className={classes.check}>
          <Checkbox aria-label={`Select ${c.name}`} checked={selected} onChange={() => onToggle(row.id)} />
        </label>
      )}
      <div className={classes.main}>
        <div className={classes.nameLine}>
          <button type="button" className={classes.open} onClick={() => onOpen(row.id)}>
            {c.name}
          </button>
          <WarningIcons warnings={row.warnings} />
        </div>
        {c.accountRef && (
          <Text size="xs" c="dimmed" className={classes.ref}>
            {c.accountRef}
          </Text>
        )}
      </div>
      <div className={classes.side}>
        <StatusBadge status={c.status} penaltyUntil={c.penaltyUntil} statusBeforePenalty={c.statusBeforePenalty} />
        <Text size="sm" className={classes.balance} c={row.cannotDial ? 'red' : undefined} fw={row.cannotDial ? 600 : 500}>
          <VisuallyHidden>Available: </VisuallyHidden>
          {formatMoney(availableCredit(c), c.currency)}
        </Text>
      </div>
    </div>
  );
});
