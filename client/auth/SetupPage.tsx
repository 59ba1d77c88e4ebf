import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { setupRequestSchema, type MeResponse, type SetupRequest } from '../../shared/api.js';
import { apiFetch } from '../api/api-fetch.js';
import { zodFormValidate } from '../forms/zod-form-validate.js';
import { AuthLayout } from './AuthLayout.js';
import { useApiFormSubmit } from './use-api-form-submit.js';

/** First start on an empty database: create the organisation and its first admin. No default password exists. */
export function SetupPage({ onDone }: { onDone: (me: MeResponse) => void }) {
  const form = useForm<SetupRequest>({
    initialValues: { organisation: '', name: '', email: '', password: '' },
    validate: zodFormValidate(setupRequestSchema),
    validateInputOnBlur: true,
  });
  const { submit, error, busy } = useApiFormSubmit(form, (v) => apiFetch<MeResponse>('/api/auth/setup', { body: v }), onDone);
  return (
    <AuthLayout title="Set up Trunkline" subtitle="Create your organisation and the first administrator account.">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Organisation" placeholder="Example Carrier Ltd" required {...form.getInputProps('organisation')} />
          <TextInput label="Your name" required autoComplete="name" {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" required autoComplete="username" {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description="At least 12 characters"
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          {error && <Alert color="red">{error}</Alert>}
          <Button type="submit" loading={busy}>
            Create administrator
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
