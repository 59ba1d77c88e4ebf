import type { Limits } from './report.js';

/** What limits each measurement, from the Chrome profiles taken while working on them. */
export const LIMITS: Limits = {
  store: 'TODO',
  heap: 'TODO',
  firstSync: 'TODO',
  bulkVisible: 'TODO',
  bulkSecondClient: 'TODO',
  search: 'TODO',
};
