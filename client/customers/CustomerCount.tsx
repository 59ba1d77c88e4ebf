import { Text } from '@mantine/core';
import type { CustomerView } from '../customer-index/customer-query.js';
import { customersCount } from '../format/format-metrics.js';
import { formatGrouped } from '../format/format-metrics.js';

export interface CustomerCountProps {
  view: CustomerView;
  /** Customers in the view, and how many the filters leave. */
  total: number;
  matching: number;
  filtered: boolean;
  /** False until the local store has been read: counts are unknown, not zero. */
  loaded: boolean;
}

/** "300 customers", "12 match", "3 in the trash": read out when it changes. */
export function CustomerCount(p: CustomerCountProps) {
  return (
    <Text size="sm" c="dimmed" aria-live="polite" style={{ whiteSpace: 'nowrap' }}>
      {!p.loaded
        ? 'Loading…'
        : p.filtered
          ? `${formatGrouped(p.matching)} match`
          : p.view === 'trash'
            ? `${customersCount(p.total)} in the trash`
            : customersCount(p.total)}
    </Text>
  );
}
