import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { formatMoney } from '../format/format-money.js';
import { availableCredit } from './balance-entry.js';

function Figure({ label, amount, currency, testId }: { label: string; amount: string; currency: string; testId: string }) {
  return (
    <Paper withBorder px="xs" py={6} role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {/* The exact amount rides along: the text is formatted for people, rounded to cents. */}
      <Text fw={600} size="lg" lh={1.3} c={Number(amount) < 0 ? 'red' : undefined} data-testid={testId} data-amount={amount}>
        {formatMoney(amount, currency)}
      </Text>
    </Paper>
  );
}

/** The synced balance: it moves the moment a payment is posted on this device. */
export function BalanceFigures({ customer }: { customer: CustomerListRow }) {
  const { credit, debitLimit, currency } = customer;
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
      <Figure label="Credit" amount={credit} currency={currency} testId="balance-credit" />
      <Figure label="Debit limit" amount={debitLimit} currency={currency} testId="balance-debit-limit" />
      <Figure label="Available credit" amount={availableCredit(customer)} currency={currency} testId="balance-available" />
    </SimpleGrid>
  );
}
