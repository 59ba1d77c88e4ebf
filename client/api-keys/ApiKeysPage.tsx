import 'mantine-datatable/styles.css';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconWifiOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiKeysTable } from './ApiKeysTable.js';
import { NewApiKeyModal } from './NewApiKeyModal.js';
import { useApiKeys } from './use-api-keys.js';
import { useRevokeKey } from './use-revoke-key.js';

/** Admins manage the keys switches use to send call records and call events. */
export function ApiKeysPage() {
  const { keys, offline, error, reload } = useApiKeys();
  const [creating, setCreating] = useState(false);
  const revoke = useRevokeKey(reload);

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h3">
          API keys
        </Title>
        <Button leftSection={<IconKey size={16} />} onClick={() => setCreating(true)}>
          New key
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Softswitches send call records to /api/ingest/cdrs and live call events to /api/ingest/events with one of these keys. Give each switch its own
        key, so one can be revoked without stopping the others.
      </Text>
      {offline && (
        <Alert color="yellow" variant="light" icon={<IconWifiOff size={18} />} py="xs">
          {keys ? 'Offline — showing what was loaded' : 'Offline — API keys need a connection to the server.'}
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <ApiKeysTable keys={keys ?? []} fetching={keys === null && !offline && !error} onRevoke={revoke} />
      <NewApiKeyModal opened={creating} onCreated={reload} onClose={() => setCreating(false)} />
    </Stack>
  );
}
