import { useEffect, useState } from 'react';
import { useSyncStatusStore } from '../sync/SyncProvider.js';
import type { TrunklineReplicache } from '../sync/sync-context.js';
import { useSyncStatusValue } from '../sync/sync-status.js';
import { pendingBalanceEntries, settledCount, type PendingBalanceEntry } from './pending-balance-entries.js';

export interface PendingBalance {
  entries: PendingBalanceEntry[];
  /** Grows each time an entry stops being pending: the server's ledger then holds it, worth fetching again. */
  settled: number;
}

const pendingOf = (s: { pending: number }) => s.pending;

/** This customer's payments and adjustments waiting to reach the server, re-read whenever the pending count moves. */
export function usePendingBalanceEntries(rep: TrunklineReplicache, customerId: string): PendingBalance {
  const pendingCount = useSyncStatusValue(useSyncStatusStore(), pendingOf);
  const [state, setState] = useState<PendingBalance & { customerId: string }>({ customerId, entries: [], settled: 0 });

  useEffect(() => {
    let cancelled = false;
    rep.experimentalPendingMutations().then(
      (mutations) => {
        if (cancelled) return;
        const entries = pendingBalanceEntries(mutations, customerId);
        setState((s) => {
          const prev = s.customerId === customerId ? s : { customerId, entries: [], settled: 0 };
          return { customerId, entries, settled: prev.settled + settledCount(prev.entries, entries) };
        });
      },
      () => {},
    );
    return () => void (cancelled = true);
  }, [rep, customerId, pendingCount]);

  return state.customerId === customerId ? state : { entries: [], settled: 0 };
}
