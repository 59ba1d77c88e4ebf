import { Center, Loader, Progress, Stack, Text } from '@mantine/core';
import { useFirstSyncProgress } from './use-first-sync.js';

/** Shown until the first customers are on this device. */
export function LoadingCustomers() {
  const progress = useFirstSyncProgress();
  const total = progress?.total ?? 0;
  return (
    <Center h="100%">
      <Stack align="center" gap="xs" w={320}>
        <Loader />
        <Text size="sm" c="dimmed">
          {total > 0
            ? `Downloading customers: ${progress!.sent.toLocaleString('en')} of ${total.toLocaleString('en')}`
            : 'Loading customers…'}
        </Text>
        {total > 0 && <Progress w="100%" value={Math.min(100, (100 * progress!.sent) / total)} aria-label="Customers downloaded" />}
      </Stack>
    </Center>
  );
}
