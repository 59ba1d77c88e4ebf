import { ActionIcon, Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconCloudCheck, IconCloudOff, IconCloudUpload, IconRefresh } from '@tabler/icons-react';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useEffect, useState } from 'react';
import { useSync } from './sync-context.js';
import { useSyncStatusStore } from './SyncProvider.js';
import { useSyncStatus } from './sync-status.js';

dayjs.extend(relativeTime);

/** Online/offline, changes waiting to sync, when data was last synced, and a button that pulls now. */
export function SyncIndicator() {
  const status = useSyncStatus(useSyncStatusStore());
  const { rep } = useSync();
  const [, setTick] = useState(0);
  const ticker = useInterval(() => setTick((t) => t + 1), 15_000);
  useEffect(() => {
    ticker.start();
    return ticker.stop;
  }, [ticker]);
  const [refreshing, setRefreshing] = useState(false);

  const refresh = async () => {
    setRefreshing(true);
    try {
      await Promise.all([rep.push({ now: true }), rep.pull({ now: true })]);
    } catch {
      // Offline: the indicator already says so.
    } finally {
      setRefreshing(false);
    }
  };

  const last = status.lastSyncedAt ? `Last synced ${dayjs(status.lastSyncedAt).fromNow()}` : 'Not synced yet';
  const state = !status.online ? 'Offline' : status.pending > 0 ? 'Syncing' : 'Online';
  const Icon = !status.online ? IconCloudOff : status.pending > 0 ? IconCloudUpload : IconCloudCheck;
  const color = !status.online ? 'gray' : status.pending > 0 ? 'yellow' : 'green';

  return (
    <Group gap="xs" wrap="nowrap" data-testid="sync-indicator" data-online={status.online} data-pending={status.pending}>
      <Tooltip label={`${state}. ${last}.`} withArrow>
        <Badge color={color} variant="light" leftSection={<Icon size={14} />} aria-label={`Sync status: ${state}`}>
          {state}
        </Badge>
      </Tooltip>
      {status.pending > 0 && (
        <Text size="xs" c="dimmed" aria-label="Pending changes">
          {status.pending} pending
        </Text>
      )}
      {status.progress && status.progress.total > 0 && (
        <Tooltip label={`Downloading customers: ${status.progress.sent.toLocaleString()} of ${status.progress.total.toLocaleString()}`}>
          <Progress w={80} value={Math.min(100, (100 * status.progress.sent) / status.progress.total)} aria-label="First sync progress" />
        </Tooltip>
      )}
      <Text size="xs" c="dimmed" visibleFrom="sm" data-testid="last-synced">
        {last}
      </Text>
      <Tooltip label="Sync now">
        <ActionIcon variant="subtle" onClick={refresh} loading={refreshing} aria-label="Sync now">
          <IconRefresh size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
