import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isAppError } from '../../shared/errors.js';

/**
 * Notifications for actions on customers. A long action (a 10,000-row bulk edit) shows
 * a spinner first; the same notification then turns into the result, with Undo.
 */
let counter = 0;

export function startAction(message: string): string {
  counter += 1;
  const id = `customer-action-${counter}`;
  notifications.show({ id, message, loading: true, autoClose: false, allowClose: false });
  return id;
}

/** The result, with a button that reverses it ("Undo", or "Redo" after an undo). */
export function finishWithUndo(id: string, message: string, onUndo: () => void, label = 'Undo'): void {
  notifications.update({
    id,
    loading: false,
    color: 'green',
    autoClose: 10_000,
    allowClose: true,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            onUndo();
          }}
        >
          {label}
        </Button>
      </Group>
    ),
  });
}

export function finishWithError(id: string, error: unknown, title = 'Not saved'): void {
  notifications.update({
    id,
    loading: false,
    color: 'red',
    title,
    message: errorMessage(error),
    autoClose: false,
    allowClose: true,
  });
}

export function finishWithMessage(id: string, message: string): void {
  notifications.update({ id, loading: false, color: 'green', message, autoClose: 4000, allowClose: true });
}

export function errorMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  return error instanceof Error ? error.message : 'Something went wrong';
}
