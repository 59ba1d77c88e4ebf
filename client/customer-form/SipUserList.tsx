import { ActionIcon, Alert, Button, Fieldset, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconKey, IconPlus, IconX } from '@tabler/icons-react';
import { MAX_SIP_USERS } from '../../shared/customer.js';
import { editsPassword, emptySipUser, hasStoredPassword, type CustomerFormApi } from './customer-form-values.js';

/**
 * SIP users. Passwords are write-only: a stored one is never sent to any device, so an
 * existing user shows "••••• set" and can only be given a new password.
 */
export function SipUserList({ form, readOnly }: { form: CustomerFormApi; readOnly: boolean }) {
  const rows = form.values.sipUsers;
  const listError = form.errors.sipUsers;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        SIP users
      </Text>
      {listError && (
        <Alert color="red" variant="light" py={6}>
          {listError}
        </Alert>
      )}
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No SIP users.
        </Text>
      )}
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={`SIP user ${i + 1}`} p="xs">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing={4}>
            <TextInput label="Username" required autoComplete="off" {...form.getInputProps(`sipUsers.${i}.username`)} />
            {editsPassword(row) ? (
              <PasswordInput
                label={hasStoredPassword(row) ? 'New password' : 'Password'}
                required
                autoComplete="new-password"
                description="At least 10 characters"
                {...form.getInputProps(`sipUsers.${i}.password`)}
              />
            ) : (
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  Password
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    ••••• set
                  </Text>
                  {!readOnly && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconKey size={12} />}
                      aria-label={`Change password of SIP user ${i + 1}`}
                      onClick={() => form.setFieldValue(`sipUsers.${i}.changingPassword`, true)}
                    >
                      Change password
                    </Button>
                  )}
                </Group>
              </Stack>
            )}
            <NumberInput label="SIP channels" description="0 = unlimited" min={0} allowDecimal={false} {...form.getInputProps(`sipUsers.${i}.channels`)} />
            <NumberInput label="SIP CPS" description="0 = unlimited" min={0} allowDecimal={false} {...form.getInputProps(`sipUsers.${i}.cps`)} />
          </SimpleGrid>
          {!readOnly && (
            <Group justify="flex-end" mt={4}>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove SIP user ${i + 1}`} onClick={() => form.removeListItem('sipUsers', i)}>
                <IconX size={16} />
              </ActionIcon>
            </Group>
          )}
        </Fieldset>
      ))}
      {!readOnly && rows.length < MAX_SIP_USERS && (
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('sipUsers', emptySipUser())} style={{ alignSelf: 'flex-start' }}>
          Add SIP user
        </Button>
      )}
    </Stack>
  );
}
