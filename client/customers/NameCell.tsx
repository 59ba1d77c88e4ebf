import { Anchor, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { CustomerWarning } from '../../shared/warnings.js';
import { WarningIcons } from './WarningIcons.js';

export interface NameCellProps {
  id: string;
  name: string;
  accountRef: string | undefined;
  warnings: readonly CustomerWarning[];
  onOpen: (id: string) => void;
}

/**
 * The customer's name (opens the card), its warning icons and the account ref below.
 * Memoised on exactly what it shows: a status edit of a page of rows leaves it alone.
 */
export const NameCell = memo(function NameCell({ id, name, accountRef, warnings, onOpen }: NameCellProps) {
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Anchor component="button" type="button" size="sm" fw={500} onClick={() => onOpen(id)} ta="left">
          {name}
        </Anchor>
        <WarningIcons warnings={warnings} />
      </Group>
      {accountRef && (
        <Text size="xs" c="dimmed">
          {accountRef}
        </Text>
      )}
    </Stack>
  );
});
