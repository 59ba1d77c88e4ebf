import { Text } from '@mantine/core';
import { memo } from 'react';
import { availableCredit } from '../../shared/warnings.js';
import { formatMoney } from '../format/format-money.js';
import { LazyTooltip } from './LazyTooltip.js';

export interface CreditCellProps {
  credit: string;
  debitLimit: string;
  currency: string;
  cannotDial: boolean;
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Credit in its currency, red once the customer cannot dial; hover for limit and available. Memoised on what it shows. */
export const CreditCell = memo(function CreditCell({ credit, debitLimit, currency, cannotDial }: CreditCellProps) {
  const tip = `Debit limit ${formatMoney(debitLimit, currency)} · Available ${formatMoney(availableCredit({ credit, debitLimit }), currency)}`;
  return (
    <LazyTooltip label={tip} withArrow>
      <Text size="sm" c={cannotDial ? 'red' : undefined} fw={cannotDial ? 600 : undefined} style={NO_WRAP}>
        {formatMoney(credit, currency)}
      </Text>
    </LazyTooltip>
  );
});
