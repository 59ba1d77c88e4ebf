import { Alert, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { isAppError } from '../../shared/errors.js';
import { addMoney, isMoney } from '../../shared/money.js';
import { errorMessage } from '../customer-actions/action-notifications.js';
import { formatMoney } from '../format/format-money.js';
import type { SyncApi } from '../sync/sync-context.js';
import { EMPTY_BALANCE_ENTRY, toBalanceEntryArgs, validateBalanceEntry, type BalanceEntryKind, type BalanceEntryValues } from './balance-entry.js';

const KINDS = [
  { value: 'payment', label: 'Payment' },
  { value: 'adjustment', label: 'Adjustment' },
];

/**
 * Posts a payment or an adjustment as a Replicache mutation: the credit changes on this
 * device at once, offline too, and the server records the ledger entry when it syncs.
 * Not a <form>: the card around it already is one, and forms cannot nest; Enter posts here.
 */
export function BalanceEntryForm({ customer, mutate, online }: { customer: CustomerListRow; mutate: SyncApi['mutate']; online: boolean }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<BalanceEntryValues>({ initialValues: EMPTY_BALANCE_ENTRY, validate: (v) => validateBalanceEntry(v, customer.credit) });
  const { kind, amount } = form.values;
  const currency = customer.currency;

  const post = async (values: BalanceEntryValues) => {
    setFailure(null);
    try {
      await mutate('postBalanceEntry', toBalanceEntryArgs(customer.id, values));
      const what = `${values.kind === 'payment' ? 'Payment' : 'Adjustment'} of ${formatMoney(values.amount.trim(), currency)}`;
      notifications.show({ color: 'green', message: online ? `Posted: ${what}` : `Posted on this device: ${what}. It reaches the server when back online.` });
      form.reset();
    } catch (e) {
      if (isAppError(e) && e.issues?.length) form.setErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      setFailure(errorMessage(e));
    }
  };
  const submit = form.onSubmit(post);

  // Enter in a field would otherwise submit the customer card itself.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    submit();
  };

  const after = isMoney(amount.trim()) ? formatMoney(addMoney(customer.credit, amount.trim()), currency) : undefined;
  return (
    <Paper withBorder p="sm" role="group" aria-label="Post payment / adjustment" onKeyDown={onKeyDown}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={500} size="sm">
            Post payment / adjustment
          </Text>
          <SegmentedControl size="xs" aria-label="Entry kind" data={KINDS} {...form.getInputProps('kind')} onChange={(v) => form.setFieldValue('kind', v as BalanceEntryKind)} />
        </Group>
        {failure && (
          <Alert color="red" variant="light" py={6} title="Not posted">
            {failure}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" verticalSpacing="xs">
          <TextInput
            label={`Amount (${currency})`}
            description={kind === 'payment' ? 'Adds credit' : 'Negative takes credit away'}
            inputMode="decimal"
            required
            {...form.getInputProps('amount')}
          />
          <TextInput label="Reason" description="Shown in the ledger" required maxLength={200} {...form.getInputProps('reason')} />
          <TextInput label="Reference" description="Bank transfer id, invoice…" maxLength={100} {...form.getInputProps('reference')} />
        </SimpleGrid>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {after ? `Credit after: ${after}` : '\u00a0'}
          </Text>
          <Button size="xs" type="button" onClick={() => submit()} loading={form.submitting}>
            Post {kind}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
