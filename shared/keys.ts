/**
 * Replicache key space. Prefixes are short because every byte is paid 100,000 times on
 * a large carrier's devices. Heavy, rarely read data lives under its own prefix.
 */
export const CUSTOMER_PREFIX = 'c/';
/** A customer's contacts, IPs, SIP users and routes (see customer-split.ts). */
export const DETAILS_PREFIX = 'd/';
export const NOTES_PREFIX = 'n/';
export const REJECTION_PREFIX = 'rej/';

export const customerKey = (id: string): string => `${CUSTOMER_PREFIX}${id}`;
export const detailsKey = (customerId: string): string => `${DETAILS_PREFIX}${customerId}`;
export const notesKey = (customerId: string): string => `${NOTES_PREFIX}${customerId}`;
export const rejectionKey = (id: string): string => `${REJECTION_PREFIX}${id}`;

export function idFromKey(prefix: string, key: string): string {
  return key.slice(prefix.length);
}

/** Live traffic figures of a customer (written by the server only). */
export const METRICS_PREFIX = 'm/';
export const metricsKey = (customerId: string): string => `${METRICS_PREFIX}${customerId}`;

/** Organisation settings every device needs (warning thresholds). */
export const SETTINGS_PREFIX = 's/';
export const WARNING_THRESHOLDS_KEY = `${SETTINGS_PREFIX}warnings`;

/** Saved views of the customer grid: the user's own and those shared with the organisation. */
export const SAVED_VIEW_PREFIX = 'v/';
export const savedViewKey = (id: string): string => `${SAVED_VIEW_PREFIX}${id}`;
/** The user's default view (each user's store is their own, so the key is not per user). */
export const DEFAULT_VIEW_KEY = `${SETTINGS_PREFIX}default-view`;
