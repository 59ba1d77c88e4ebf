import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { can, type Role } from '../../shared/auth.js';
import { LoginPage } from '../auth/LoginPage.js';
import { SetupPage } from '../auth/SetupPage.js';
import { useSessionState } from '../auth/use-session-state.js';
import { SyncProvider } from '../sync/SyncProvider.js';
import { UsersPage } from '../users/UsersPage.js';
import { AppLayout } from './AppLayout.js';
import { useReadiness } from './readiness.js';
import { usePath } from './use-path.js';

const CustomersPage = lazy(() => import('../customers/CustomersPage.js').then((m) => ({ default: m.CustomersPage })));
const AlertsPage = lazy(() => import('../alerts/AlertsPage.js').then((m) => ({ default: m.AlertsPage })));
const ApiKeysPage = lazy(() => import('../api-keys/ApiKeysPage.js').then((m) => ({ default: m.ApiKeysPage })));

/** The page for a path; one the role may not open falls back to the customers. */
function pageFor(path: string, role: Role): React.ReactNode {
  if (path === '/users' && can(role, 'users.manage')) return <UsersPage />;
  if (path === '/api-keys' && can(role, 'apiKeys.manage')) return <ApiKeysPage />;
  if (path === '/alerts') return <AlertsPage />;
  return <CustomersPage />;
}

const centred = (node: React.ReactNode) => <Center h="100dvh">{node}</Center>;

const SCREENS = { loading: null, unreachable: 'unreachable', 'needs-setup': 'setup', 'signed-out': 'sign-in', 'signed-in': 'app' } as const;

/** Set-up, sign-in or the signed-in app, depending on the session. */
export function App() {
  const { state, signedIn, sessionExpired, showSignIn, retry } = useSessionState();
  const [path, navigate] = usePath();
  useReadiness('screen', SCREENS[state.kind]);

  switch (state.kind) {
    case 'loading':
      return centred(<Loader aria-label="Loading" />);
    case 'unreachable':
      return centred(
        <Stack align="center">
          <Text>Cannot reach the Trunkline server, and this device has no saved session.</Text>
          <Button onClick={() => void retry()}>Try again</Button>
        </Stack>,
      );
    case 'needs-setup':
      return <SetupPage onDone={signedIn} />;
    case 'signed-out':
      return <LoginPage onDone={signedIn} reason={state.reason} />;
    case 'signed-in': {
      const { me } = state;
      return (
        <SyncProvider me={me} onSessionExpired={sessionExpired}>
          <AppLayout me={me} path={path} navigate={navigate} onSignedOut={() => void showSignIn()}>
            <Suspense fallback={<Loader aria-label="Loading page" />}>{pageFor(path, me.user.role)}</Suspense>
          </AppLayout>
        </SyncProvider>
      );
    }
  }
}
