import { useEffect, useState } from 'react';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { CUSTOMER_PREFIX } from '../../shared/keys.js';
import { useSync } from '../sync/sync-context.js';

export interface CustomerOption {
  value: string;
  label: string;
}

/**
 * Every customer not in the trash, by name, for a picker. Scans the whole replica, so it
 * runs only while `active` (the picker is on screen), not for the life of the page.
 */
export function useLiveCustomers(active: boolean): CustomerOption[] | null {
  const { rep } = useSync();
  const [options, setOptions] = useState<CustomerOption[] | null>(null);

  useEffect(() => {
    if (!active) return undefined;
    return rep.subscribe(
      async (tx) => {
        const rows = (await tx.scan({ prefix: CUSTOMER_PREFIX }).values().toArray()) as unknown as CustomerListRow[];
        return rows
          .filter((c) => c.deletedAt === undefined)
          .map((c) => ({ value: c.id, label: c.name }))
          .sort((a, b) => a.label.localeCompare(b.label));
      },
      setOptions,
    );
  }, [rep, active]);

  return active ? options : null;
}
