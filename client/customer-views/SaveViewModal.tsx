import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { savedViewNameSchema, type SavedView } from '../../shared/saved-views.js';
import type { SaveViewInput } from './use-view-actions.js';

export interface SaveViewModalProps {
  /** The view renamed or re-shared; absent: a new view of the current grid. */
  editing?: SavedView;
  isDefault: boolean;
  canShare: boolean;
  onSave: (input: SaveViewInput) => Promise<boolean>;
  onClose: () => void;
}

/** Names the grid's current view: personal or shared with the organisation, and whether it opens by default. */
export function SaveViewModal({ editing, isDefault, canShare, onSave, onClose }: SaveViewModalProps) {
  const [name, setName] = useState(editing?.name ?? '');
  const [shared, setShared] = useState(editing?.shared ?? false);
  const [makeDefault, setMakeDefault] = useState(isDefault);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const parsed = savedViewNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Name the view');
    if (await onSave({ ...(editing ? { id: editing.id } : {}), name: parsed.data, shared, makeDefault, clearDefault: isDefault && !makeDefault })) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={editing ? `Change the view “${editing.name}”` : 'Save this view'} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput label="Name" data-autofocus value={name} error={error} maxLength={80} onChange={(e) => (setName(e.currentTarget.value), setError(null))} />
          <Checkbox
            label="Share with everyone in the organisation"
            description={canShare ? undefined : 'Viewers keep views for themselves'}
            disabled={!canShare && !shared}
            checked={shared}
            onChange={(e) => setShared(e.currentTarget.checked)}
          />
          <Checkbox label="Open this view when I open the customers" checked={makeDefault} onChange={(e) => setMakeDefault(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Save</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
