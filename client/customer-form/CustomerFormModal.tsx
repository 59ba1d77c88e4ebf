import { Center, Loader, Modal, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import type { SyncApi } from '../sync/sync-context.js';
import { CustomerForm } from './CustomerForm.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { distinctValues, managerOf, tagsOf } from '../customer-index/distinct-values.js';
import { useCustomerDetails } from './use-customer-details.js';
import { useCustomerNotes } from './use-customer-notes.js';

export type CardTarget = { mode: 'create' } | { mode: 'edit'; id: string };

export interface CustomerFormModalProps {
  target: CardTarget | null;
  rows: readonly IndexedCustomer[];
  /** Every customer is on this device: until then names cannot be checked for clashes. */
  loaded: boolean;
  get: (id: string) => IndexedCustomer | undefined;
  sync: SyncApi;
  readOnly: boolean;
  onClose: () => void;
}

/** The customer card in a modal (full screen on small screens); waits for the details and notes first. */
export function CustomerFormModal({ target, rows, loaded, get, sync, readOnly, onClose }: CustomerFormModalProps) {
  const small = useMediaQuery('(max-width: 48em)');
  const editId = target?.mode === 'edit' ? target.id : undefined;
  const current = editId ? get(editId) : undefined;
  const notes = useCustomerNotes(sync.rep, editId);
  const details = useCustomerDetails(sync.rep, editId);
  const open = target !== null;
  const tagSuggestions = useMemo(() => (open ? distinctValues(rows, tagsOf) : []), [open, rows]);
  const managerSuggestions = useMemo(() => (open ? distinctValues(rows, managerOf) : []), [open, rows]);

  const title = !target ? '' : target.mode === 'create' ? 'New customer' : `${current?.customer.name ?? 'Customer'}${readOnly ? ' (read-only)' : ''}`;
  const ready = target !== null && loaded && (target.mode === 'create' || (current !== undefined && details.loaded && notes.loaded));
  const gone = loaded && target?.mode === 'edit' && current === undefined;

  return (
    // Closing is instant (no exit transition) so the saved row is what the next frame shows.
    // No scroll lock: the page never scrolls, and removing the lock restyles the whole document.
    <Modal
      opened={open}
      onClose={onClose}
      title={title}
      size="xl"
      fullScreen={small ?? false}
      closeOnClickOutside={readOnly}
      transitionProps={{ exitDuration: 0 }}
      lockScroll={false}
    >
      {gone && <Text size="sm">This customer no longer exists on this device.</Text>}
      {target && !ready && !gone && (
        <Center py="xl">
          <Loader aria-label="Loading customer" />
        </Center>
      )}
      {target && ready && (
        <CustomerForm
          key={editId ?? 'new'}
          saved={current}
          details={details.details}
          notes={notes.text}
          rows={rows}
          readOnly={readOnly}
          mutate={sync.mutate}
          tagSuggestions={tagSuggestions}
          managerSuggestions={managerSuggestions}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}
