import type { Customer } from '../../shared/customer.js';
import type { CustomerListRow, CustomerWithoutLists, DetailCounts } from '../../shared/customer-split.js';
import type { CustomerStatus } from '../../shared/customer-status.js';
import { normalizeMoney } from '../../shared/money.js';

/**
 * The one mapping between the `customers` table and the shared Customer type. Every
 * query that reads or writes customers selects CUSTOMER_COLUMNS and goes through here.
 */
export interface CustomerRow {
  id: string;
  name: string;
  account_ref: string | null;
  status: CustomerStatus;
  currency: string;
  credit: string;
  debit_limit: string;
  channels: number;
  cps_limit: number;
  country: string | null;
  tags: string[];
  account_manager: string | null;
  portal_access: boolean;
  daily_spend_limit: string | null;
  contacts: Customer['contacts'];
  ip_auth: Customer['ipAuth'];
  sip_users: Customer['sipUsers'];
  routes: Customer['routes'];
  penalty_until: Date | null;
  status_before_penalty: CustomerStatus | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

/** Column list for SELECTs, in table order. */
export const CUSTOMER_COLUMNS = [
  'id', 'name', 'account_ref', 'status', 'currency', 'credit', 'debit_limit', 'channels', 'cps_limit', 'country',
  'tags', 'account_manager', 'portal_access', 'daily_spend_limit', 'contacts', 'ip_auth', 'sip_users', 'routes',
  'penalty_until', 'status_before_penalty', 'created_at', 'updated_at', 'deleted_at',
] as const satisfies readonly (keyof CustomerRow)[];

/** The four lists of a customer (its synced details), by column. */
export const DETAIL_COLUMNS = ['contacts', 'ip_auth', 'sip_users', 'routes'] as const satisfies readonly (keyof CustomerRow)[];
export type DetailColumn = (typeof DETAIL_COLUMNS)[number];

/** Every column but the four lists: what a list row is made of. */
export const LIST_COLUMNS = CUSTOMER_COLUMNS.filter((c): c is Exclude<(typeof CUSTOMER_COLUMNS)[number], DetailColumn> => !(DETAIL_COLUMNS as readonly string[]).includes(c));

const iso = (d: Date) => d.toISOString();

/** A row as read from Postgres -> the synced Customer (optional fields absent, money canonical). */
export function rowToCustomer(r: CustomerRow): Customer {
  return { ...listFields(r), contacts: r.contacts, ipAuth: r.ip_auth, sipUsers: r.sip_users, routes: r.routes };
}

/** A row read without its lists -> the synced list row, with the counts read beside it. */
export function rowToListRow(r: Omit<CustomerRow, DetailColumn>, counts: DetailCounts): CustomerListRow {
  return { ...listFields(r), counts };
}

/** A row read without its lists -> the customer without them. */
export function rowToCustomerWithoutLists(r: Omit<CustomerRow, DetailColumn>): CustomerWithoutLists {
  return listFields(r);
}

function listFields(r: Omit<CustomerRow, DetailColumn>): CustomerWithoutLists {
  const c: CustomerWithoutLists = {
    id: r.id,
    name: r.name,
    status: r.status,
    currency: r.currency,
    credit: normalizeMoney(r.credit),
    debitLimit: normalizeMoney(r.debit_limit),
    channels: r.channels,
    cpsLimit: r.cps_limit,
    tags: r.tags,
    portalAccess: r.portal_access,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
  if (r.account_ref !== null) c.accountRef = r.account_ref;
  if (r.country !== null) c.country = r.country;
  if (r.account_manager !== null) c.accountManager = r.account_manager;
  if (r.daily_spend_limit !== null) c.dailySpendLimit = normalizeMoney(r.daily_spend_limit);
  if (r.penalty_until !== null) c.penaltyUntil = iso(r.penalty_until);
  if (r.status_before_penalty !== null) c.statusBeforePenalty = r.status_before_penalty;
  if (r.deleted_at !== null) c.deletedAt = iso(r.deleted_at);
  return c;
}

/** The values to INSERT/UPDATE for a customer (organisation_id, version and notes are set by the caller). */
export function customerToRow(c: Customer): CustomerRow {
  return { ...customerToListColumns(c), contacts: c.contacts, ip_auth: c.ipAuth, sip_users: c.sipUsers, routes: c.routes };
}

/** The values to UPDATE for a customer whose lists stay as stored. */
export function customerToListColumns(c: CustomerWithoutLists): Omit<CustomerRow, DetailColumn> {
  return {
    id: c.id,
    name: c.name,
    account_ref: c.accountRef ?? null,
    status: c.status,
    currency: c.currency,
    credit: c.credit,
    debit_limit: c.debitLimit,
    channels: c.channels,
    cps_limit: c.cpsLimit,
    country: c.country ?? null,
    tags: c.tags,
    account_manager: c.accountManager ?? null,
    portal_access: c.portalAccess,
    daily_spend_limit: c.dailySpendLimit ?? null,
    penalty_until: c.penaltyUntil ? new Date(c.penaltyUntil) : null,
    status_before_penalty: c.statusBeforePenalty ?? null,
    created_at: new Date(c.createdAt),
    updated_at: new Date(c.updatedAt),
    deleted_at: c.deletedAt ? new Date(c.deletedAt) : null,
  };
}
