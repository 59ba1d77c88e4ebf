import { Center, Loader } from '@mantine/core';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { MeResponse } from '../../shared/api.js';
import { openSync, type OpenSync } from './open-sync.js';
import { SyncContext } from './sync-context.js';
import type { SyncStatusStore } from './sync-status.js';

const SyncControlContext = createContext<OpenSync | null>(null);

/** The open replica: its status store and `close` (sign-out uses it to drop local data). */
export function useSyncControl(): OpenSync {
  const sync = useContext(SyncControlContext);
  if (!sync) throw new Error('useSyncControl() used outside <SyncProvider>');
  return sync;
}

export function useSyncStatusStore(): SyncStatusStore {
  return useSyncControl().status;
}

/** Opens the signed-in user's replica for the lifetime of the session. */
export function SyncProvider({ me, onSessionExpired, children }: { me: MeResponse; onSessionExpired: () => void; children: ReactNode }) {
  const [sync, setSync] = useState<OpenSync | null>(null);
  const userId = me.user.id;
  const role = me.user.role;

  useEffect(() => {
    const opened = openSync({ ...me, user: { ...me.user, role } }, onSessionExpired);
    // The replica is an external resource this effect owns: publishing it is the point of the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSync(opened);
    return () => {
      setSync(null);
      void opened.close();
    };
    // Reopen only when the user or their role changes, not when the same session object is refreshed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, role]);

  if (!sync) {
    return (
      <Center h="100dvh">
        <Loader aria-label="Opening local data" />
      </Center>
    );
  }
  return (
    <SyncControlContext.Provider value={sync}>
      <SyncContext.Provider value={sync.api}>{children}</SyncContext.Provider>
    </SyncControlContext.Provider>
  );
}
