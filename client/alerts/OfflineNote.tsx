import { Alert } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';

/** Shown when a request could not reach the server; `hasData`: what was loaded before is still on screen. */
export function OfflineNote({ hasData, nothingYet }: { hasData: boolean; nothingYet: string }) {
  return (
    <Alert color="yellow" variant="light" icon={<IconWifiOff size={18} />} py="xs">
      {hasData ? 'Offline — showing what was loaded' : `Offline — ${nothingYet}`}
    </Alert>
  );
}
