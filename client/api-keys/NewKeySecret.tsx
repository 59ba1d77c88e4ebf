import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreateApiKeyResponse } from '../../shared/api.js';

function CopyIcon({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} aria-label={label} onClick={copy}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** The new key's full text, shown this once (the server keeps only its hash), with a curl example. */
export function NewKeySecret({ created, onDone }: { created: CreateApiKeyResponse; onDone: () => void }) {
  const curl = `curl -X POST ${window.location.origin}/api/ingest/cdrs -H "Authorization: Bearer ${created.key}" -H "content-type: application/json" -d '[...]'`;
  return (
    <Stack>
      <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Copy the key now">
        This is the only time the key is shown. Trunkline keeps only a fingerprint of it; if it is lost, create a new key and revoke this one.
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          API key “{created.name}”
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="new-api-key">
            {created.key}
          </Code>
          <CopyIcon value={created.key} label="Copy key" />
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Send call records with it
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {curl}
          </Code>
          <CopyIcon value={curl} label="Copy curl command" />
        </Group>
        <Text size="xs" c="dimmed">
          Replace [...] with a JSON array of call records (callId, customerId, startedAt, endedAt, sipCode, destination, …). NDJSON (application/x-ndjson) and CSV (text/csv) work too.
        </Text>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onDone}>I have copied the key</Button>
      </Group>
    </Stack>
  );
}
