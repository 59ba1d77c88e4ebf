import { ActionIcon, Badge, Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { CONTACT_TYPES, MAX_CONTACTS } from '../../shared/customer.js';
import { emptyContact, toEditableInput, type CustomerFormApi } from './customer-form-values.js';

const TYPE_LABELS: Record<(typeof CONTACT_TYPES)[number], string> = {
  billing: 'Billing',
  noc: 'NOC',
  technical: 'Technical',
  sales: 'Sales',
  management: 'Management',
  other: 'Other',
};
const TYPE_OPTIONS = CONTACT_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));

/** People to reach at the customer: billing, NOC, sales… Verification is shown, never edited. */
export function ContactsTab({ form, readOnly }: { form: CustomerFormApi; readOnly: boolean }) {
  const contacts = form.values.contacts;
  // Verification shown is what would be saved: editing an address voids it.
  const saved = toEditableInput(form.values).contacts ?? [];
  return (
    <Stack gap="sm">
      {contacts.length === 0 && (
        <Text size="sm" c="dimmed">
          No contacts. Balance and downtime notices need at least one email.
        </Text>
      )}
      {contacts.map((c, i) => (
        <Fieldset key={c.key} legend={`Contact ${i + 1}`} p="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
            <TextInput label="Contact name" required {...form.getInputProps(`contacts.${i}.name`)} />
            <Select label="Type" data={TYPE_OPTIONS} allowDeselect={false} {...form.getInputProps(`contacts.${i}.type`)} />
            <TextInput label="Email" type="email" {...form.getInputProps(`contacts.${i}.email`)} />
            <TextInput label="Mobile" placeholder="+447700900123" description="E.164, with the country code" {...form.getInputProps(`contacts.${i}.mobile`)} />
          </SimpleGrid>
          <Group mt={6} gap="xs">
            <Badge size="xs" variant="light" color={saved[i]?.emailVerified ? 'green' : 'gray'}>
              {saved[i]?.emailVerified ? 'Email verified' : 'Email not verified'}
            </Badge>
            <Badge size="xs" variant="light" color={saved[i]?.mobileVerified ? 'green' : 'gray'}>
              {saved[i]?.mobileVerified ? 'Mobile verified' : 'Mobile not verified'}
            </Badge>
            {!readOnly && (
              <ActionIcon ml="auto" variant="subtle" color="red" aria-label={`Remove contact ${i + 1}`} onClick={() => form.removeListItem('contacts', i)}>
                <IconX size={16} />
              </ActionIcon>
            )}
          </Group>
        </Fieldset>
      ))}
      {!readOnly && contacts.length < MAX_CONTACTS && (
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('contacts', emptyContact())} style={{ alignSelf: 'flex-start' }}>
          Add contact
        </Button>
      )}
    </Stack>
  );
}
