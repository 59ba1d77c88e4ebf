import type { FilterNode } from './customer-filter.js';
import { WARNING_CODES, WARNING_LABELS, type WarningCode } from './warnings.js';

/** A one-click filter for a question carrier staff ask every day. */
export interface QuickFilter {
  id: string;
  label: string;
  filter: FilterNode;
}

const warning = (code: WarningCode): QuickFilter => ({
  id: `warning:${code}`,
  label: WARNING_LABELS[code],
  filter: { type: 'set', field: 'warning', op: 'in', values: [code] },
});

/**
 * The one-click filters of the grid, as ordinary typed conditions, so a chip made by one
 * can be edited, combined and saved in a view like any other. "Cannot dial" is the
 * record's own warning (available credit used up), not a second definition of it.
 */
export const QUICK_FILTERS: readonly QuickFilter[] = [
  warning('cannot_dial'),
  { id: 'negative-balance', label: 'Negative balance', filter: { type: 'number', field: 'credit', op: 'lt', value: 0 } },
  {
    id: 'no-traffic-30d',
    label: 'No traffic for 30 days',
    filter: {
      type: 'group',
      op: 'or',
      children: [
        { type: 'date', field: 'lastCall', op: 'olderThan', amount: 30, unit: 'd' },
        { type: 'date', field: 'lastCall', op: 'never' },
      ],
    },
  },
  ...WARNING_CODES.filter((code) => code !== 'cannot_dial').map(warning),
];
