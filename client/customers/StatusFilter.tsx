import { Select } from '@mantine/core';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import { STATUS_FILTERS, type StatusFilter as StatusFilterValue } from '../../shared/grid-view.js';
import { formatGrouped } from '../format/format-metrics.js';

const LABELS: Record<StatusFilterValue, string> = { all: 'All', ...STATUS_LABELS, dialling: 'Dialling' };

/** Status filter with a live count per status, counted over the current search. */
export function StatusFilter({
  value,
  counts,
  onChange,
  w = 210,
}: {
  value: StatusFilterValue;
  counts: Record<StatusFilterValue, number>;
  onChange: (value: StatusFilterValue) => void;
  /** The toolbar's fixed width by default; "100%" in the phone's drawer. */
  w?: number | string;
}) {
  const data = STATUS_FILTERS.map((s) => ({ value: s, label: `${LABELS[s]} (${formatGrouped(counts[s])})` }));
  return (
    <Select
      aria-label="Status"
      data={data}
      value={value}
      onChange={(v) => onChange((v ?? 'all') as StatusFilterValue)}
      allowDeselect={false}
      w={w}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
