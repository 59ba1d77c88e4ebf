import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import type { AlertEvent } from '../../shared/alert-rule.js';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { formatDateTime } from '../format/relative-time.js';
import { inPenaltyText } from './alert-format.js';
import { AlertEventsTable } from './AlertEventsTable.js';
import { useOnline } from '../sync/use-online.js';
import { useServerData } from '../api/use-server-data.js';

const ALERTS_LIMIT = 50;
/** Rules are evaluated on the server every few seconds; a minute is enough for an open tab. */
const ALERTS_REFRESH_MS = 60_000;

/** This customer's alerts: whether a penalty holds now (from the synced customer), then the events. */
export function AlertsTab({ customer }: { customer: CustomerListRow }) {
  const online = useOnline();
  const events = useServerData<AlertEvent[]>(`/api/alerts?${new URLSearchParams({ customerId: customer.id, limit: String(ALERTS_LIMIT) })}`, {
    online,
    refreshMs: ALERTS_REFRESH_MS,
  });
  const penalty = inPenaltyText(customer);

  return (
    <Stack gap="sm">
      {penalty && (
        <Alert color="red" variant="light" py={6} icon={<IconClockPause size={16} />} role="status">
          {penalty}
        </Alert>
      )}
      <Group justify="space-between" gap="xs">
        <Text fw={500} size="sm">
          Alert events
        </Text>
        {events.unreachable && (
          <Text size="xs" c="dimmed" role="status">
            {events.loadedAt === undefined ? 'Offline — alerts load when back online' : `Offline — alerts as of ${formatDateTime(events.loadedAt)}`}
          </Text>
        )}
      </Group>
      {events.error && (
        <Alert color="red" variant="light" py={6} title="Alerts not loaded">
          {events.error}
        </Alert>
      )}
      {events.data === undefined && !events.unreachable && !events.error ? (
        <Group justify="center" py="sm">
          <Loader size="sm" aria-label="Loading alerts" />
        </Group>
      ) : (
        <AlertEventsTable events={events.data ?? []} currency={customer.currency} emptyText={events.data ? 'No alerts for this customer' : 'The alerts are on the server'} />
      )}
    </Stack>
  );
}
