import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { can } from '../../shared/auth.js';
import type { LedgerEntry } from '../../shared/traffic-history.js';
import { formatDateTime } from '../format/relative-time.js';
import { useSync } from '../sync/sync-context.js';
import { BalanceEntryForm } from './BalanceEntryForm.js';
import { BalanceFigures } from './BalanceFigures.js';
import { LedgerTable } from './LedgerTable.js';
import { useOnline } from '../sync/use-online.js';
import { usePendingBalanceEntries } from './use-pending-balance-entries.js';
import { useServerData } from '../api/use-server-data.js';

const LEDGER_LIMIT = 100;

/** Credit and available credit, posting a payment or adjustment (staff who may edit), and the ledger. */
export function BalanceTab({ customer }: { customer: CustomerListRow }) {
  const { rep, mutate, role } = useSync();
  const online = useOnline();
  const pending = usePendingBalanceEntries(rep, customer.id);
  // Fetched again each time one of this device's entries reaches the server.
  const ledger = useServerData<LedgerEntry[]>(`/api/customers/${encodeURIComponent(customer.id)}/ledger?limit=${LEDGER_LIMIT}`, {
    online,
    refreshKey: pending.settled,
  });

  return (
    <Stack gap="sm">
      <BalanceFigures customer={customer} />
      {can(role, 'customers.write') && <BalanceEntryForm customer={customer} mutate={mutate} online={online} />}
      <Group justify="space-between" gap="xs">
        <Text fw={500} size="sm">
          Ledger
        </Text>
        {ledger.unreachable && (
          <Text size="xs" c="dimmed" role="status">
            {ledger.loadedAt === undefined ? 'Offline — the ledger loads when back online' : `Offline — ledger as of ${formatDateTime(ledger.loadedAt)}`}
          </Text>
        )}
      </Group>
      {ledger.error && (
        <Alert color="red" variant="light" py={6} title="Ledger not loaded">
          {ledger.error}
        </Alert>
      )}
      {ledger.data === undefined && !ledger.unreachable && !ledger.error ? (
        <Group justify="center" py="sm">
          <Loader size="sm" aria-label="Loading ledger" />
        </Group>
      ) : (
        <LedgerTable
          entries={ledger.data ?? []}
          pending={pending.entries}
          currency={customer.currency}
          emptyText={ledger.data ? 'No entries yet' : 'The ledger is on the server'}
        />
      )}
    </Stack>
  );
}
