import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import type { ApiKeySummary } from '../../shared/api.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';

/** Revokes a key after a confirmation that says what stops working. */
export function useRevokeKey(onRevoked: () => void) {
  return useCallback(
    (key: ApiKeySummary) =>
      modals.openConfirmModal({
        title: `Revoke the key “${key.name}”?`,
        children: (
          <Text size="sm">
            Requests with {key.prefix}… are refused from now on. Whatever sends them must get a new key. This cannot be undone.
          </Text>
        ),
        labels: { confirm: 'Revoke key', cancel: 'Keep it' },
        confirmProps: { color: 'red' },
        onConfirm: () => {
          apiFetch<ApiKeySummary>(`/api/api-keys/${key.id}`, { method: 'DELETE' }).then(
            () => {
              notifications.show({ color: 'green', message: `Revoked “${key.name}”.` });
              onRevoked();
            },
            (e: unknown) =>
              notifications.show({
                color: 'red',
                title: `“${key.name}” was not revoked`,
                message: e instanceof NetworkError ? 'Cannot reach the server. Check the connection and try again.' : (e as Error).message,
              }),
          );
        },
      }),
    [onRevoked],
  );
}
