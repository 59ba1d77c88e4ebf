import { Textarea } from '@mantine/core';
import type { CustomerFormApi } from './customer-form-values.js';

/** Free-text notes, stored apart from the customer row so the list stays slim. */
export function NotesTab({ form }: { form: CustomerFormApi }) {
  return <Textarea label="Notes" autosize minRows={6} maxRows={20} maxLength={20_000} {...form.getInputProps('notes')} />;
}
