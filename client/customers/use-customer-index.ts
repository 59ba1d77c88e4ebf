import { useEffect, useState, useSyncExternalStore } from 'react';
import { CUSTOMER_PREFIX } from '../../shared/keys.js';
import type { TrunklineReplicache } from '../sync/sync-context.js';
import { CustomerIndex, type CustomerIndexSnapshot } from './customer-index.js';

/** The in-memory customer index of `rep`, re-rendering at most once per batch of changes. */
export function useCustomerIndex(rep: TrunklineReplicache): CustomerIndexSnapshot {
  const [index] = useState(() => new CustomerIndex());
  useEffect(
    () =>
      index.connect((onDiff) =>
        rep.experimentalWatch(onDiff, { prefix: CUSTOMER_PREFIX, initialValuesInFirstDiff: true }),
      ),
    [index, rep],
  );
  return useSyncExternalStore(index.subscribe, index.getSnapshot);
}
