import { useEffect, useMemo, useState } from 'react';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { customerKey } from '../../shared/keys.js';
import { useSync } from '../sync/sync-context.js';

export interface CustomerBrief {
  name: string;
  currency: string;
  deleted: boolean;
}

/**
 * Name and currency of a few customers, read from this device's replica by key: rules and
 * the log name customers by id, and a handful of gets is cheaper than asking the server.
 * Ids not (yet) on this device are absent from the map.
 */
export function useCustomerLookup(ids: readonly string[]): ReadonlyMap<string, CustomerBrief> {
  const { rep } = useSync();
  const key = useMemo(() => [...new Set(ids)].sort().join(','), [ids]);
  const [found, setFound] = useState<{ key: string; map: ReadonlyMap<string, CustomerBrief> }>({ key: '', map: new Map() });

  useEffect(() => {
    if (key === '') return undefined;
    const wanted = key.split(',');
    return rep.subscribe(
      async (tx) => {
        const out: [string, CustomerBrief][] = [];
        for (const id of wanted) {
          const c = (await tx.get(customerKey(id))) as CustomerListRow | undefined;
          if (c) out.push([id, { name: c.name, currency: c.currency, deleted: c.deletedAt !== undefined }]);
        }
        return out;
      },
      (entries) => setFound({ key, map: new Map(entries) }),
    );
  }, [rep, key]);

  return found.key === key ? found.map : EMPTY;
}

const EMPTY: ReadonlyMap<string, CustomerBrief> = new Map();
