import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { createApiKeyRequestSchema, type CreateApiKeyRequest, type CreateApiKeyResponse } from '../../shared/api.js';
import { apiFetch } from '../api/api-fetch.js';
import { useApiFormSubmit } from '../auth/use-api-form-submit.js';
import { zodFormValidate } from '../forms/zod-form-validate.js';

export function NewApiKeyForm({ onCreated, onCancel }: { onCreated: (k: CreateApiKeyResponse) => void; onCancel: () => void }) {
  const form = useForm<CreateApiKeyRequest>({
    initialValues: { name: '' },
    validate: zodFormValidate(createApiKeyRequestSchema),
    validateInputOnBlur: true,
  });
  const { submit, error, busy } = useApiFormSubmit(form, (v) => apiFetch<CreateApiKeyResponse>('/api/api-keys', { body: v }), onCreated);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" description="Which switch or system uses it, e.g. “Switch FRA-1”" required data-autofocus {...form.getInputProps('name')} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          {/* No focus change on press: blurring a field would validate it, and the error text shifting this button away would swallow the click. */}
          <Button variant="default" onMouseDown={(e) => e.preventDefault()} onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
