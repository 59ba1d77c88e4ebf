import { ActionIcon, Button, Indicator, Popover, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useSync } from './sync-context.js';
import { useRejections } from './use-rejections.js';

/** The header button listing changes the server refused and why; hidden when there are none. */
export function RefusedChanges() {
  const rejections = useRejections();
  const { mutate } = useSync();
  if (rejections.length === 0) return null;
  const dismiss = (ids: string[]) => void mutate('dismissRejections', { ids });
  return (
    <Popover width={380} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Tooltip label="Changes the server refused">
          <Indicator label={rejections.length} size={16} color="red">
            <ActionIcon variant="subtle" color="red" aria-label={`Refused changes: ${rejections.length}`}>
              <IconAlertOctagon size={20} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            Not saved
          </Text>
          <ScrollArea.Autosize mah={320}>
            <Stack gap="sm">
              {rejections.map((r) => (
                <div key={r.id} data-testid="refused-change">
                  <Text size="sm" fw={500}>
                    {r.summary}
                  </Text>
                  <Text size="sm" c="red">
                    {r.message}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {dayjs(r.at).format('D MMM HH:mm')}
                  </Text>
                </div>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Button size="xs" variant="light" onClick={() => dismiss(rejections.map((r) => r.id))}>
            Dismiss all
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
