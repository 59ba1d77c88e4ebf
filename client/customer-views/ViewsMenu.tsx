import { Button, Menu } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDeviceFloppy, IconLayoutList, IconPencil, IconRestore, IconStar, IconStarFilled, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { DEFAULT_GRID_VIEW, sameViewState, type GridViewState } from '../../shared/grid-view.js';
import { canChange, type SavedView } from '../../shared/saved-views.js';
import { SaveViewModal } from './SaveViewModal.js';
import type { ViewActions } from './use-view-actions.js';

export interface ViewsMenuProps {
  views: readonly SavedView[];
  defaultId: string | null;
  /** The grid's state now, and the saved view it started from. */
  state: GridViewState;
  savedId: string | undefined;
  userId: string;
  role: Parameters<typeof canChange>[2];
  canShare: boolean;
  actions: ViewActions;
}

/**
 * Saved views: the user's own and the shared ones, one click to show one; save the grid
 * as a view, save changes over the view shown, rename, share, make default, delete.
 */
export function ViewsMenu({ views, defaultId, state, savedId, userId, role, canShare, actions }: ViewsMenuProps) {
  const [dialog, setDialog] = useState<{ editing?: SavedView } | null>(null);
  const current = views.find((v) => v.id === savedId);
  const modified = current !== undefined && !sameViewState(current.state, state);
  const mine = views.filter((v) => v.ownerId === userId);
  const shared = views.filter((v) => v.ownerId !== userId);
  const item = (v: SavedView) => (
    <Menu.Item
      key={v.id}
      onClick={() => actions.show(v)}
      leftSection={v.id === defaultId ? <IconStarFilled size={14} aria-label="default" /> : <IconLayoutList size={14} />}
      rightSection={v.shared && v.ownerId === userId ? <span style={{ fontSize: 11 }}>shared</span> : undefined}
      fw={v.id === savedId ? 700 : undefined}
    >
      {v.name}
      {v.ownerId !== userId && v.ownerName ? ` · ${v.ownerName}` : ''}
    </Menu.Item>
  );
  const confirmDelete = (v: SavedView) =>
    modals.openConfirmModal({
      title: `Delete the view “${v.name}”?`,
      children: v.shared ? 'It is shared: it disappears for everyone in the organisation.' : 'Only the view goes; no customer changes.',
      labels: { confirm: 'Delete', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => void actions.remove(v),
    });

  return (
    <>
      {/* No focus placeholder: an empty focusable div inside role="menu" is an accessibility error; the first item takes the focus. */}
      <Menu position="bottom-start" shadow="md" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconLayoutList size={16} />}>
            {current ? `View: ${current.name}${modified ? ' (changed)' : ''}` : 'Views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={260}>
          {mine.length > 0 && <Menu.Label>My views</Menu.Label>}
          {mine.map(item)}
          {shared.length > 0 && <Menu.Label>Shared with everyone</Menu.Label>}
          {shared.map(item)}
          {views.length > 0 && <Menu.Divider />}
          {current && modified && canChange(current, userId, role) && (
            <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={() => void actions.update(current)}>
              Save changes to “{current.name}”
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={() => setDialog({})}>
            Save as a new view…
          </Menu.Item>
          {current && canChange(current, userId, role) && (
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog({ editing: current })}>
              Rename or share “{current.name}”…
            </Menu.Item>
          )}
          {current && (
            <Menu.Item
              leftSection={current.id === defaultId ? <IconStar size={14} /> : <IconStarFilled size={14} />}
              onClick={() => void actions.setDefault(current.id === defaultId ? null : current.id)}
            >
              {current.id === defaultId ? 'Stop opening it by default' : `Open “${current.name}” by default`}
            </Menu.Item>
          )}
          {current && canChange(current, userId, role) && (
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => confirmDelete(current)}>
              Delete “{current.name}”
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconRestore size={14} />} onClick={() => actions.showStandard(DEFAULT_GRID_VIEW)}>
            Standard view
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog && (
        <SaveViewModal
          editing={dialog.editing}
          isDefault={dialog.editing !== undefined && dialog.editing.id === defaultId}
          canShare={canShare}
          // Renaming or sharing keeps the view's saved layout; a new view takes the grid as it is now.
          onSave={(input) => actions.save(dialog.editing ? { ...input, id: dialog.editing.id, state: dialog.editing.state } : input)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
