import { Button, Group, Paper, Text } from '@mantine/core';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the service worker in prompt mode: a new version waits until the user
 * chooses to reload, so nobody loses a half-filled form to an automatic update.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // Look for a new version every hour for staff who keep the page open all day.
      if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000);
    },
  });
  if (!needRefresh) return null;
  return (
    <Paper
      role="alert"
      withBorder
      shadow="md"
      p="sm"
      radius="md"
      style={{ position: 'fixed', bottom: 16, left: 16, zIndex: 400 }}
    >
      <Group gap="sm">
        <Text size="sm">A new version of Trunkline is available.</Text>
        <Button size="xs" onClick={() => void updateServiceWorker(true)}>
          Reload
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setNeedRefresh(false)}>
          Later
        </Button>
      </Group>
    </Paper>
  );
}
