import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconLogout, IconUsers } from '@tabler/icons-react';
import type { MeResponse } from '../../shared/api.js';
import { can } from '../../shared/auth.js';
import { apiFetch } from '../api/api-fetch.js';
import { clearDeviceData } from '../device/device-db.js';
import { useSyncControl } from '../sync/SyncProvider.js';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** Who is signed in, user management for admins, and sign-out (which clears this device's copy). */
export function UserMenu({ me, onSignedOut, navigate }: { me: MeResponse; onSignedOut: () => void; navigate: (p: string) => void }) {
  const sync = useSyncControl();

  const signOut = async () => {
    try {
      await apiFetch('/api/auth/logout', { method: 'POST', body: {} });
    } catch {
      // Offline: the local copy is still removed below; the server session expires on its own.
    }
    await sync.close({ dropLocalData: true });
    await clearDeviceData().catch(() => {});
    onSignedOut();
  };

  const confirmSignOut = () => {
    const pending = sync.status.get().pending;
    if (pending === 0) return void signOut();
    modals.openConfirmModal({
      title: 'Sign out with unsynced changes?',
      children: <Text size="sm">{pending} change(s) on this device have not reached the server yet. Signing out deletes them.</Text>,
      labels: { confirm: 'Sign out and discard', cancel: 'Stay signed in' },
      confirmProps: { color: 'red' },
      onConfirm: () => void signOut(),
    });
  };

  return (
    <Menu withInitialFocusPlaceholder={false} position="bottom-end" withArrow>
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${me.user.name}`}>
          <Avatar color="blue" radius="xl" size="sm">
            {initials(me.user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.name} · {me.user.role}
        </Menu.Label>
        <Menu.Label>{me.organisation.name}</Menu.Label>
        {can(me.user.role, 'users.manage') && (
          <Menu.Item leftSection={<IconUsers size={16} />} onClick={() => navigate('/users')}>
            Users
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={confirmSignOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
