import { Alert, Group, Loader, Text } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { formatDateTime } from '../format/relative-time.js';
import type { TrafficHistoryState } from './use-traffic-history.js';

/** How old the figures are: offline says so plainly, online it is a quiet line. */
export function TrafficFreshness({ state }: { state: TrafficHistoryState }) {
  const { offline, fetchedAt, loading, error } = state;
  if (offline) {
    return (
      <Alert color="gray" variant="light" py={6} icon={<IconCloudOff size={16} />} role="status">
        {fetchedAt === undefined ? 'Offline — no figures saved on this device for this window yet' : `Offline — figures from ${formatDateTime(fetchedAt)}`}
      </Alert>
    );
  }
  if (error) {
    return (
      <Alert color="red" variant="light" py={6} title="Figures not updated">
        {error}
      </Alert>
    );
  }
  return (
    <Group gap="xs" mih={20}>
      {loading && <Loader size={14} aria-label="Loading figures" />}
      {fetchedAt !== undefined && (
        <Text size="xs" c="dimmed">
          Figures from {formatDateTime(fetchedAt)}, refreshed every 30 s
        </Text>
      )}
    </Group>
  );
}
