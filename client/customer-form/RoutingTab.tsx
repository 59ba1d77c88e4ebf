import { ActionIcon, Button, Fieldset, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { MAX_ROUTES } from '../../shared/customer.js';
import { emptyRoute, type CustomerFormApi } from './customer-form-values.js';

/** Ingress routing: which rate card a call uses, chosen by its tech prefix. */
export function RoutingTab({ form, readOnly }: { form: CustomerFormApi; readOnly: boolean }) {
  const rows = form.values.routes;
  return (
    <Stack gap="xs">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No routes: calls from this customer have nowhere to go.
        </Text>
      )}
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={`Route ${i + 1}`} p="xs">
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput label="Rate card" required style={{ flex: '2 1 12rem' }} {...form.getInputProps(`routes.${i}.rateCard`)} />
            <TextInput label="Tech prefix" placeholder="e.g. 7788#" style={{ flex: '1 1 8rem' }} {...form.getInputProps(`routes.${i}.techPrefix`)} />
            <Switch label="Enabled" mb={8} {...form.getInputProps(`routes.${i}.enabled`, { type: 'checkbox' })} />
            {!readOnly && (
              <ActionIcon mb={4} variant="subtle" color="red" aria-label={`Remove route ${i + 1}`} onClick={() => form.removeListItem('routes', i)}>
                <IconX size={16} />
              </ActionIcon>
            )}
          </Group>
        </Fieldset>
      ))}
      {!readOnly && rows.length < MAX_ROUTES && (
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('routes', emptyRoute())} style={{ alignSelf: 'flex-start' }}>
          Add route
        </Button>
      )}
    </Stack>
  );
}
