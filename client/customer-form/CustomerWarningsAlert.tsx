import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CustomerWarning } from '../../shared/warnings.js';

/** The customer's current warnings, at the top of the card. */
export function CustomerWarningsAlert({ warnings }: { warnings: readonly CustomerWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`} py="xs">
      <List size="sm" spacing={2}>
        {warnings.map((w) => (
          <List.Item key={w.code}>
            <strong>{w.label}</strong>: {w.detail}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
