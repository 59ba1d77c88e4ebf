import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { AppError } from '../../shared/errors.js';
import { NetworkError } from '../api/api-fetch.js';

/**
 * Submits a form to the API and puts the server's answer where the user looks: field
 * issues on their fields, anything else in one message above the button.
 */
export function useApiFormSubmit<V extends Record<string, unknown>, R>(
  form: UseFormReturnType<V>,
  send: (values: V) => Promise<R>,
  onDone: (result: R) => void,
) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await send(values));
    } catch (e) {
      if (e instanceof AppError) {
        for (const issue of e.issues ?? []) if (issue.path in values) form.setFieldError(issue.path, issue.message);
        setError(e.message);
      } else if (e instanceof NetworkError) {
        setError('Cannot reach the server. Check the connection and try again.');
      } else {
        setError('Something went wrong. Try again.');
      }
    } finally {
      setBusy(false);
    }
  });
  return { submit, error, busy };
}
