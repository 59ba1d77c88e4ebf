import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { IndexedCustomer } from './customer-index.js';
import { WarningIcons } from './WarningIcons.js';

/** The customer's name (opens the card), its warning icons and the account ref below. */
export function NameCell({ row, onOpen }: { row: IndexedCustomer; onOpen: (id: string) => void }) {
  const { customer } = row;
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Anchor component="button" type="button" size="sm" fw={500} onClick={() => onOpen(row.id)} ta="left">
          {customer.name}
        </Anchor>
        <WarningIcons warnings={row.warnings} />
      </Group>
      {customer.accountRef && (
        <Text size="xs" c="dimmed">
          {customer.accountRef}
        </Text>
      )}
    </Stack>
  );
}
