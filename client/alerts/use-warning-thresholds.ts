import { useEffect, useState } from 'react';
import { WARNING_THRESHOLDS_KEY } from '../../shared/keys.js';
import { TRAFFIC_WARNING_THRESHOLDS, warningThresholdsSchema, type WarningThresholds } from '../../shared/warnings.js';
import type { TrunklineReplicache } from '../sync/sync-context.js';

/** The organisation's traffic warning thresholds from the replica (the defaults until synced). */
export function useWarningThresholds(rep: TrunklineReplicache): WarningThresholds {
  const [thresholds, setThresholds] = useState<WarningThresholds>(TRAFFIC_WARNING_THRESHOLDS);
  useEffect(
    () =>
      rep.subscribe(
        async (tx) => (await tx.get(WARNING_THRESHOLDS_KEY)) ?? null,
        (value) => {
          const parsed = warningThresholdsSchema.safeParse(value);
          setThresholds(parsed.success ? parsed.data : TRAFFIC_WARNING_THRESHOLDS);
        },
      ),
    [rep],
  );
  return thresholds;
}
