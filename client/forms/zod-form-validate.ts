import type { z } from 'zod';

/**
 * Validates @mantine/form values with a shared zod schema, returning errors keyed by the
 * form's field paths ("contacts.0.email"), so the form and the server agree on every rule.
 */
export function zodFormValidate<S extends z.ZodType>(schema: S) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= issue.message;
    }
    return errors;
  };
}
