import { Alert, Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { AlertLogTable } from './AlertLogTable.js';
import type { AlertLogState } from './use-alert-log.js';
import { useCustomerLookup } from './use-customer-lookup.js';
import { useClock } from '../format/use-clock.js';

/** The alerts log under the rules: kept fresh while the page is open, older pages on request. */
export function AlertLog({ log }: { log: AlertLogState }) {
  // A refresh may bring events newer than the last tick: never show them as "in the future".
  const now = Math.max(useClock(), log.refreshedAt ?? 0);
  // Only money needs the customer's currency; ASR, ACD, PDD and channels carry their own unit.
  const moneyIds = useMemo(() => log.events.filter((e) => e.area === 'credit' || e.area === 'available_credit').map((e) => e.customerId), [log.events]);
  const customers = useCustomerLookup(moneyIds);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">
          Alerts log
        </Title>
        {log.refreshedAt !== null && (
          <Text size="xs" c="dimmed">
            Updated {dayjs(log.refreshedAt).format('HH:mm:ss')} · refreshes every 15 s
          </Text>
        )}
      </Group>
      {log.error && <Alert color="red">{log.error}</Alert>}
      <AlertLogTable events={log.events} fetching={!log.loaded && !log.offline && !log.error} now={now} customers={customers} />
      {log.hasMore && (
        <Center>
          <Button variant="default" loading={log.loadingMore} onClick={log.loadMore}>
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
