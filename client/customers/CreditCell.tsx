import { memo } from 'react';
import { availableCredit } from '../../shared/warnings.js';
import { formatMoney } from '../format/format-money.js';
import { LazyTooltip } from './LazyTooltip.js';
import classes from './grid-cells.module.css';

export interface CreditCellProps {
  credit: string;
  debitLimit: string;
  currency: string;
  cannotDial: boolean;
}

/** Credit in its currency, red once the customer cannot dial; hover for limit and available. Memoised on what it shows. */
export const CreditCell = memo(function CreditCell({ credit, debitLimit, currency, cannotDial }: CreditCellProps) {
  const tip = `Debit limit ${formatMoney(debitLimit, currency)} · Available ${formatMoney(availableCredit({ credit, debitLimit }), currency)}`;
  return (
    <LazyTooltip label={tip} withArrow>
      <span className={cannotDial ? `${classes.text} ${classes.red}` : classes.text}>{formatMoney(credit, currency)}</span>
    </LazyTooltip>
  );
});
