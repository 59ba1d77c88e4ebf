import { AppShell, Box, Button, Group, Image, Menu, Tabs, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { MeResponse } from '../../shared/api.js';
import { can, type Permission } from '../../shared/auth.js';
import { RefusedChanges } from '../sync/RefusedChanges.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';
import { UserMenu } from './UserMenu.js';

/** Header tabs: their paths are the ones App.tsx routes; `needs` hides a tab the role cannot open. */
const TABS: { path: string; label: string; needs?: Permission }[] = [
  { path: '/', label: 'Customers' },
  { path: '/alerts', label: 'Alerts' },
  { path: '/users', label: 'Users', needs: 'users.manage' },
  { path: '/api-keys', label: 'API keys', needs: 'apiKeys.manage' },
];

/** Header with navigation, sync state and the account menu around the current page. */
export function AppLayout(props: { me: MeResponse; path: string; navigate: (p: string) => void; onSignedOut: () => void; children: ReactNode }) {
  const { me, path, navigate } = props;
  const tabs = TABS.filter((t) => !t.needs || can(me.user.role, t.needs));
  // Any other path shows the customers (App.tsx falls back the same way).
  const currentTab = tabs.find((t) => t.path === path) ?? tabs[0]!;
  const current = currentTab.path;
  const currentLabel = currentTab.label;
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" miw={0}>
            <Group gap={8} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Image src="/favicon.svg" w={28} h={28} alt="" />
              <Text fw={700} visibleFrom="xs">
                Trunkline
              </Text>
            </Group>
            {/* Narrower than the tabs and the sync state together: one menu instead of tabs that wrap out of the header. */}
            <Tabs value={current} onChange={(v) => navigate(v ?? '/')} variant="pills" visibleFrom="md">
              <Tabs.List style={{ flexWrap: 'nowrap' }}>
                {tabs.map((t) => (
                  <Tabs.Tab key={t.path} value={t.path}>
                    {t.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            <Box hiddenFrom="md">
              <Menu withInitialFocusPlaceholder={false} position="bottom-start">
                <Menu.Target>
                  <Button variant="light" size="compact-sm" rightSection={<IconChevronDown size={14} />} aria-label={`Page: ${currentLabel}`}>
                    {currentLabel}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {tabs.map((t) => (
                    <Menu.Item key={t.path} onClick={() => navigate(t.path)} aria-current={t.path === current ? 'page' : undefined}>
                      {t.label}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
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
