import { SegmentedControl } from '@mantine/core';
import type { CustomerView } from '../customer-index/customer-query.js';
import { formatGrouped } from '../format/format-metrics.js';

export interface ViewSwitchProps {
  view: CustomerView;
  trashCount: number;
  onViewChange: (view: CustomerView) => void;
  fullWidth?: boolean;
}

/** Customers or the trash, with how many wait in the trash. */
export function ViewSwitch({ view, trashCount, onViewChange, fullWidth }: ViewSwitchProps) {
  return (
    <SegmentedControl
      aria-label="View"
      fullWidth={fullWidth}
      value={view}
      onChange={(v) => onViewChange(v as CustomerView)}
      data={[
        { value: 'customers', label: 'Customers' },
        { value: 'trash', label: `Trash (${formatGrouped(trashCount)})` },
      ]}
    />
  );
}
