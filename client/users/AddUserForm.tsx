import { Alert, Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { createUserRequestSchema, type CreateUserRequest, type UserSummary } from '../../shared/api.js';
import { ROLES } from '../../shared/auth.js';
import { apiFetch } from '../api/api-fetch.js';
import { useApiFormSubmit } from '../auth/use-api-form-submit.js';
import { zodFormValidate } from '../forms/zod-form-validate.js';

const ROLE_HELP = { admin: 'Admin — everything, including users', operator: 'Operator — edit customers', viewer: 'Viewer — read only' };

export function AddUserForm({ onAdded, onCancel }: { onAdded: (u: UserSummary) => void; onCancel: () => void }) {
  const form = useForm<CreateUserRequest>({
    initialValues: { name: '', email: '', role: 'operator', password: '' },
    validate: zodFormValidate(createUserRequestSchema),
    validateInputOnBlur: true,
  });
  const { submit, error, busy } = useApiFormSubmit(form, (v) => apiFetch<UserSummary>('/api/users', { body: v }), onAdded);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
          <Select label="Role" data={ROLES.map((r) => ({ value: r, label: ROLE_HELP[r] }))} allowDeselect={false} {...form.getInputProps('role')} />
          <PasswordInput label="Initial password" description="At least 12 characters" required autoComplete="new-password" {...form.getInputProps('password')} />
        </SimpleGrid>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Add user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
