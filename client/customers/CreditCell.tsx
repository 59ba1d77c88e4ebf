import { Text } from '@mantine/core';
import { availableCredit } from '../../shared/warnings.js';
import type { IndexedCustomer } from './customer-index.js';
import { formatMoney } from './format-money.js';
import { LazyTooltip } from './LazyTooltip.js';

/** Credit in its currency, red once the customer cannot dial; hover for limit and available. */
export function CreditCell({ row }: { row: IndexedCustomer }) {
  const { customer } = row;
  const tip = `Debit limit ${formatMoney(customer.debitLimit, customer.currency)} · Available ${formatMoney(availableCredit(customer), customer.currency)}`;
  return (
    <LazyTooltip label={tip} withArrow>
      <Text size="sm" c={row.cannotDial ? 'red' : undefined} fw={row.cannotDial ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(customer.credit, customer.currency)}
      </Text>
    </LazyTooltip>
  );
}
