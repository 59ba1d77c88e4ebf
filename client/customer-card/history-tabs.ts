/** The card's tabs about what happened to a customer, shown only for one that exists. */
export const HISTORY_TABS = ['traffic', 'balance', 'alerts'] as const;
export type HistoryTab = (typeof HISTORY_TABS)[number];

export const HISTORY_TAB_TITLES: Record<HistoryTab, string> = {
  traffic: 'Traffic',
  balance: 'Balance',
  alerts: 'Alerts',
};
