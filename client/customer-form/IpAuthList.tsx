import { ActionIcon, Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { IP_DIRECTIONS, MAX_IPS, SIP_TRANSPORTS } from '../../shared/customer.js';
import { emptyIp, type CustomerFormApi } from './customer-form-values.js';

const DIRECTIONS = IP_DIRECTIONS.map((d) => ({ value: d, label: d[0]!.toUpperCase() + d.slice(1) }));
const PROTOCOLS = SIP_TRANSPORTS.map((p) => ({ value: p, label: p.toUpperCase() }));

/** Addresses or CIDR blocks the switch accepts calls from, each with its own limits. */
export function IpAuthList({ form, readOnly }: { form: CustomerFormApi; readOnly: boolean }) {
  const rows = form.values.ipAuth;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        IP authentication
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No IP addresses.
        </Text>
      )}
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={`IP ${i + 1}`} p="xs">
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" verticalSpacing={4}>
            <TextInput label="IP or CIDR" required placeholder="203.0.113.10 or 203.0.113.0/24" {...form.getInputProps(`ipAuth.${i}.ip`)} />
            <Select label="Direction" data={DIRECTIONS} allowDeselect={false} {...form.getInputProps(`ipAuth.${i}.direction`)} />
            <Select label="Protocol" data={PROTOCOLS} allowDeselect={false} {...form.getInputProps(`ipAuth.${i}.protocol`)} />
            <NumberInput label="Port" min={1} max={65535} allowDecimal={false} {...form.getInputProps(`ipAuth.${i}.port`)} />
            <NumberInput label="IP channels" description="0 = unlimited" min={0} allowDecimal={false} {...form.getInputProps(`ipAuth.${i}.channels`)} />
            <NumberInput label="IP CPS" description="0 = unlimited" min={0} allowDecimal={false} {...form.getInputProps(`ipAuth.${i}.cps`)} />
          </SimpleGrid>
          {!readOnly && (
            <Group justify="flex-end" mt={4}>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove IP ${i + 1}`} onClick={() => form.removeListItem('ipAuth', i)}>
                <IconX size={16} />
              </ActionIcon>
            </Group>
          )}
        </Fieldset>
      ))}
      {!readOnly && rows.length < MAX_IPS && (
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('ipAuth', emptyIp())} style={{ alignSelf: 'flex-start' }}>
          Add IP
        </Button>
      )}
    </Stack>
  );
}
