import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMemo } from 'react';
import { touchedSnapshotFields } from '../../shared/customer-patch.js';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import type { MutateOptions, SyncApi } from '../sync/sync-context.js';
import { finishWithError, finishWithUndo, startAction } from './action-notifications.js';
import type { BulkPatchInput, StaffStatus } from './bulk-edit-values.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { undoSnapshot, type UndoSnapshot } from './customer-selection.js';
import { customersCount } from '../format/format-metrics.js';

/** One direction of an action (do, undo, redo): a mutation, told when its result shows. */
type Work = (options: Pick<MutateOptions, 'onShown'>) => Promise<void>;

export interface CustomerActions {
  /** `onShown` runs once, as the change shows (or fails): the moment to close the dialog, in the same render. */
  bulkUpdate(ids: readonly string[], patch: BulkPatchInput, onShown?: () => void): Promise<void>;
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
    // The spinner (and `onShown`) wait until the change shows: the dialog closes, the
    // notification opens and the rows change in one render of the page, not two.
    async function run(pending: string, work: Work, done: string, undo: Work, onShown?: () => void): Promise<void> {
      const id = await attempt(pending, work, onShown);
      if (id) finishWithUndo(id, done, () => void reverse(undo, work, pending, done));
    }

    // Undo offers Redo, which offers Undo again.
    async function reverse(undo: Work, redo: Work, pending: string, done: string): Promise<void> {
      const id = await attempt('Undoing…', undo);
      if (id) finishWithUndo(id, 'Undone', () => void run(pending, redo, done, undo), 'Redo');
    }

    /** Runs `work`; the notification's id once it succeeded, else undefined (the error is shown). */
    async function attempt(pending: string, work: Work, onShown?: () => void): Promise<string | undefined> {
      let id: string | undefined;
      const shown = () => {
        if (id !== undefined) return;
        id = startAction(pending);
        onShown?.();
      };
      try {
        await work({ onShown: shown });
        shown();
        return id;
      } catch (e) {
        shown();
        finishWithError(id!, e);
        return undefined;
      }
    }

    const restoreSnapshots =
      ({ groups }: UndoSnapshot): Work =>
      (options) =>
        mutate('restoreBulkSnapshots', { groups: groups() }, options);

    const actions: CustomerActions = {
      async bulkUpdate(ids, patch, onShown) {
        const before = undoSnapshot(ids, get, touchedSnapshotFields(patch));
        const { live } = before;
        if (live.length === 0) return onShown?.();
        const n = customersCount(live.length);
        await run(
          `Updating ${n}…`,
          (options) => mutate('bulkUpdateCustomers', { ids: live, patch }, options),
          `Updated ${n}`,
          restoreSnapshots(before),
          onShown,
        );
      },

      async setStatus(ids, status) {
        const before = undoSnapshot(ids, get, touchedSnapshotFields({ status }));
        const { live } = before;
        if (live.length === 0) return;
        const n = customersCount(live.length);
        await run(
          `Setting ${n} to ${STATUS_LABELS[status]}…`,
          (options) => mutate('setCustomerStatus', { ids: live, status }, options),
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
              (options) => mutate('deleteCustomers', { ids: list }, options),
              `Deleted ${what}`,
              (options) => mutate('restoreCustomers', { ids: list }, options),
            );
          },
        });
      },

      async restore(ids) {
        if (ids.length === 0) return;
        const list = [...ids];
        const n = customersCount(list.length);
        await run(
          `Restoring ${n}…`,
          (options) => mutate('restoreCustomers', { ids: list }, options),
          `Restored ${n}`,
          (options) => mutate('deleteCustomers', { ids: list }, options),
        );
      },
    };
    return actions;
  }, [mutate, get]);
}
