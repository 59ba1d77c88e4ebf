import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import type { AlertRule, AlertRuleInput } from '../../shared/alert-rule.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';

const failure = (e: unknown) => (e instanceof NetworkError ? 'Cannot reach the server. Check the connection and try again.' : e instanceof Error ? e.message : 'Something went wrong.');

function inputOf(rule: AlertRule): AlertRuleInput {
  const { id: _id, createdAt: _c, updatedAt: _u, ...input } = rule;
  return input;
}

/** Switching a rule on or off, and deleting one after a confirmation. */
export function useRuleActions({ replace, reload }: { replace: (r: AlertRule) => void; reload: () => void }) {
  const setEnabled = useCallback(
    async (rule: AlertRule, enabled: boolean) => {
      // The switch moves at once; a refusal puts it back.
      replace({ ...rule, enabled });
      try {
        replace(await apiFetch<AlertRule>(`/api/alert-rules/${rule.id}`, { method: 'PUT', body: { ...inputOf(rule), enabled } }));
      } catch (e) {
        replace(rule);
        notifications.show({ color: 'red', title: `“${rule.name}” was not ${enabled ? 'enabled' : 'disabled'}`, message: failure(e) });
      }
    },
    [replace],
  );

  const confirmDelete = useCallback(
    (rule: AlertRule) =>
      modals.openConfirmModal({
        title: `Delete the rule “${rule.name}”?`,
        children: <Text size="sm">It stops watching at once. Alerts it raised stay in the log.</Text>,
        labels: { confirm: 'Delete rule', cancel: 'Keep it' },
        confirmProps: { color: 'red' },
        onConfirm: () => {
          apiFetch(`/api/alert-rules/${rule.id}`, { method: 'DELETE' }).then(
            () => {
              notifications.show({ color: 'green', message: `Deleted the rule “${rule.name}”.` });
              reload();
            },
            (e: unknown) => notifications.show({ color: 'red', title: `“${rule.name}” was not deleted`, message: failure(e) }),
          );
        },
      }),
    [reload],
  );

  return { setEnabled, confirmDelete };
}
