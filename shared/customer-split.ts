import type { Customer } from './customer.js';
import { sameValue } from './same-value.js';

/**
 * A customer is synced as two values. The list row (`c/<id>`) holds what the grid shows
 * and filters on, plus counts of the four lists, which are all the warnings need. The
 * details (`d/<id>`: contacts, IPs, SIP users, routes) are 60% of a record's bytes and
 * change rarely, so a status change of 10,000 customers ships 10,000 small rows and no
 * details. The shared mutators still see whole customers: each side joins on read and
 * splits on write.
 */
export const DETAIL_FIELDS = ['contacts', 'ipAuth', 'sipUsers', 'routes'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** The four lists of a customer, synced under `d/<id>`. */
export type CustomerDetails = Pick<Customer, DetailField>;

/** What the list row knows of the details. */
export type DetailCounts = {
  contacts: number;
  /** Contacts with an email address (balance and downtime notices need one). */
  emailContacts: number;
  ips: number;
  sipUsers: number;
  enabledRoutes: number;
};

/** A customer without its four lists: what a change that never touches them reads and writes. */
export type CustomerWithoutLists = Omit<Customer, DetailField>;

/** The synced list row of a customer (`c/<id>`). */
export type CustomerListRow = CustomerWithoutLists & { counts: DetailCounts };

export const NO_DETAILS: CustomerDetails = Object.freeze({ contacts: [], ipAuth: [], sipUsers: [], routes: [] });

export function detailCounts(d: CustomerDetails): DetailCounts {
  return {
    contacts: d.contacts.length,
    emailContacts: d.contacts.filter((k) => k.email !== undefined).length,
    ips: d.ipAuth.length,
    sipUsers: d.sipUsers.length,
    enabledRoutes: d.routes.filter((r) => r.enabled).length,
  };
}

/**
 * Splits a customer into its two synced values. `previous`, the list row stored before,
 * lends its counts when the details are `unchanged`, so a bulk edit counts nothing.
 */
export function splitCustomer(customer: Customer, previous?: { counts: DetailCounts }, unchanged = false): { row: CustomerListRow; details: CustomerDetails } {
  const { contacts, ipAuth, sipUsers, routes, ...rest } = customer;
  const details = { contacts, ipAuth, sipUsers, routes };
  const counts = unchanged && previous ? previous.counts : detailCounts(details);
  return { row: { ...rest, counts }, details };
}

/** The customer without its four lists (a new object; the fields are shared). */
export function withoutLists(customer: Customer): CustomerWithoutLists {
  const { contacts: _c, ipAuth: _i, sipUsers: _s, routes: _r, ...rest } = customer;
  return rest;
}

/** The whole customer again; a row whose details have not arrived has none. */
export function joinCustomer(row: CustomerWithoutLists & { counts?: DetailCounts }, details: CustomerDetails = NO_DETAILS): Customer {
  const { counts: _counts, ...rest } = row;
  return { ...rest, contacts: details.contacts, ipAuth: details.ipAuth, sipUsers: details.sipUsers, routes: details.routes };
}

/**
 * Whether a customer written back holds the details read: the same lists as `before`, or,
 * when none were stored (`joinCustomer` lent NO_DETAILS), still those very placeholders.
 */
export function detailsUnchanged(before: CustomerDetails | undefined, after: CustomerDetails): boolean {
  if (before === undefined) return DETAIL_FIELDS.every((f) => after[f] === NO_DETAILS[f]);
  return sameDetails(before, after);
}

/** True when both hold the same lists (identity first: a mutator that leaves them alone keeps them). */
export function sameDetails(a: CustomerDetails | undefined, b: CustomerDetails): boolean {
  if (a === undefined) return false;
  if (a === b) return true;
  return sameValue(a.contacts, b.contacts) && sameValue(a.ipAuth, b.ipAuth) && sameValue(a.sipUsers, b.sipUsers) && sameValue(a.routes, b.routes);
}
