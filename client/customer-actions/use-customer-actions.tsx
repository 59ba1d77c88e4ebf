import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMemo } from 'react';
import { touchedSnapshotFields } from '../../shared/customer-patch.js';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import type { SyncApi } from '../sync/sync-context.js';
import { finishWithError, finishWithUndo, startAction } from './action-notifications.js';
import type { BulkPatchInput, StaffStatus } from './bulk-edit-values.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { undoSnapshot, type UndoSnapshot } from './customer-selection.js';
import { customersCount } from '../format/format-metrics.js';

export interface CustomerActions {
  bulkUpdate(ids: readonly string[], patch: BulkPatchInput): Promise<void>;
  setStatus(ids: readonly string[], status: StaffStatus): Promise<void>;
  /** Asks first; `onDeleted` runs once the customers are in the trash. */
  confirmDelete(ids: readonly string[], onDeleted?: () => void): void;
  restore(ids: readonly string[]): Promise<void>;
}

/**
 * Actions on many customers at once. Each takes what undo needs before changing
 * anything, reports when the change is durable on this device, and offers Undo.
 */
export function useCustomerActions(mutate: SyncApi['mutate'], get: (id: string) => IndexedCustomer | undefined): CustomerActions {
  return useMemo(() => {
    async function run(pending: string, work: () => Promise<void>, done: string, undo: () => Promise<void>): Promise<void> {
      const id = startAction(pending);
      try {
        await work();
        finishWithUndo(id, done, () => void reverse(undo, work, pending, done));
      } catch (e) {
        finishWithError(id, e);
      }
    }

    // Undo offers Redo, which offers Undo again.
    async function reverse(undo: () => Promise<void>, redo: () => Promise<void>, pending: string, done: string): Promise<void> {
      const id = startAction('Undoing…');
      try {
        await undo();
        finishWithUndo(id, 'Undone', () => void run(pending, redo, done, undo), 'Redo');
      } catch (e) {
        finishWithError(id, e);
      }
    }

    const restoreSnapshots = ({ groups }: UndoSnapshot) => () => mutate('restoreBulkSnapshots', { groups: groups() });

    const actions: CustomerActions = {
      async bulkUpdate(ids, patch) {
        const before = undoSnapshot(ids, get, touchedSnapshotFields(patch));
        const { live } = before;
        if (live.length === 0) return;
        const n = customersCount(live.length);
        await run(`Updating ${n}…`, () => mutate('bulkUpdateCustomers', { ids: live, patch }), `Updated ${n}`, restoreSnapshots(before));
      },

      async setStatus(ids, status) {
        const before = undoSnapshot(ids, get, touchedSnapshotFields({ status }));
        const { live } = before;
        if (live.length === 0) return;
        const n = customersCount(live.length);
        await run(
          `Setting ${n} to ${STATUS_LABELS[status]}…`,
          () => mutate('setCustomerStatus', { ids: live, status }),
          `Set ${n} to ${STATUS_LABELS[status]}`,
          restoreSnapshots(before),
        );
      },

      confirmDelete(ids, onDeleted) {
        if (ids.length === 0) return;
        const list = [...ids];
        const only = list.length === 1 ? get(list[0]!) : undefined;
        const what = only ? `“${only.customer.name}”` : customersCount(list.length);
        modals.openConfirmModal({
          title: `Delete ${what}?`,
          children: (
            <Text size="sm">
              {only ? 'It goes' : 'They go'} to the trash and can be restored from there.
            </Text>
          ),
          labels: { confirm: 'Delete', cancel: 'Cancel' },
          confirmProps: { color: 'red' },
          onConfirm: () => {
            onDeleted?.();
            void run(
              `Deleting ${what}…`,
              () => mutate('deleteCustomers', { ids: list }),
              `Deleted ${what}`,
              () => mutate('restoreCustomers', { ids: list }),
            );
          },
        });
      },

      async restore(ids) {
        if (ids.length === 0) return;
        const list = [...ids];
        const n = customersCount(list.length);
        await run(`Restoring ${n}…`, () => mutate('restoreCustomers', { ids: list }), `Restored ${n}`, () =>
          mutate('deleteCustomers', { ids: list }),
        );
      },
    };
    return actions;
  }, [mutate, get]);
}
