import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { loginRequestSchema, type LoginRequest, type MeResponse } from '../../shared/api.js';
import { apiFetch } from '../api/api-fetch.js';
import { zodFormValidate } from '../forms/zod-form-validate.js';
import { AuthLayout } from './AuthLayout.js';
import { useApiFormSubmit } from './use-api-form-submit.js';

export function LoginPage({ onDone, reason }: { onDone: (me: MeResponse) => void; reason?: string }) {
  const form = useForm<LoginRequest>({
    initialValues: { email: '', password: '' },
    validate: zodFormValidate(loginRequestSchema),
  });
  const { submit, error, busy } = useApiFormSubmit(form, (v) => apiFetch<MeResponse>('/api/auth/login', { body: v }), onDone);
  return (
    <AuthLayout title="Sign in">
      <form onSubmit={submit} noValidate>
        <Stack>
          {reason && <Alert color="yellow">{reason}</Alert>}
          <TextInput label="Email" type="email" required autoComplete="username" {...form.getInputProps('email')} />
          <PasswordInput label="Password" required autoComplete="current-password" {...form.getInputProps('password')} />
          {error && <Alert color="red">{error}</Alert>}
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
