import { AppShell, Group, Image, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MeResponse } from '../../shared/api.js';
import { can } from '../../shared/auth.js';
import { RefusedChanges } from '../sync/RefusedChanges.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';
import { UserMenu } from './UserMenu.js';

/** Header with navigation, sync state and the account menu around the current page. */
export function AppLayout(props: { me: MeResponse; path: string; navigate: (p: string) => void; onSignedOut: () => void; children: ReactNode }) {
  const { me, path, navigate } = props;
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <Image src="/favicon.svg" w={28} h={28} alt="" />
              <Text fw={700} visibleFrom="xs">
                Trunkline
              </Text>
            </Group>
            <Tabs value={path === '/users' ? 'users' : 'customers'} onChange={(v) => navigate(v === 'users' ? '/users' : '/')} variant="pills">
              <Tabs.List>
                <Tabs.Tab value="customers">Customers</Tabs.Tab>
                {can(me.user.role, 'users.manage') && <Tabs.Tab value="users">Users</Tabs.Tab>}
              </Tabs.List>
            </Tabs>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <RefusedChanges />
            <SyncIndicator />
            <UserMenu me={me} navigate={navigate} onSignedOut={props.onSignedOut} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{props.children}</AppShell.Main>
    </AppShell>
  );
}
