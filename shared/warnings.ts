import type { Customer } from './customer.js';
import { addMoney, toMinor } from './money.js';

/**
 * Warning signs shown beside a customer's name. Always computed from the record, never
 * stored, so they can't go stale. Traffic warnings (PDD, ASR, channels at limit) join
 * these once metrics exist.
 */
export const WARNING_CODES = ['no_auth', 'no_routing', 'cannot_dial', 'no_email_contact'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface CustomerWarning {
  code: WarningCode;
  /** The short label staff know from the reference page. */
  label: string;
  /** What is wrong and what to do, shown on hover. */
  detail: string;
}

export const WARNING_LABELS: Record<WarningCode, string> = {
  no_auth: 'No Authentication Set',
  no_routing: 'No Routing Set',
  cannot_dial: 'Cannot dial',
  no_email_contact: 'No contact with an email',
};

type WarningInput = Pick<Customer, 'ipAuth' | 'sipUsers' | 'routes' | 'credit' | 'debitLimit' | 'currency' | 'contacts'>;

/** Available credit: what the customer can still spend (credit plus the post-pay debit limit). */
export function availableCredit(c: Pick<Customer, 'credit' | 'debitLimit'>): string {
  return addMoney(c.credit, c.debitLimit);
}

export function customerWarnings(c: WarningInput): CustomerWarning[] {
  const warnings: CustomerWarning[] = [];
  const add = (code: WarningCode, detail: string) => warnings.push({ code, label: WARNING_LABELS[code], detail });
  if (c.ipAuth.length === 0 && c.sipUsers.length === 0) {
    add('no_auth', 'No IP authentication and no SIP user: the switch will reject every call from this customer.');
  }
  if (!c.routes.some((r) => r.enabled)) {
    add('no_routing', 'No enabled route: calls have nowhere to go.');
  }
  const available = availableCredit(c);
  if (toMinor(available) <= 0n) {
    add('cannot_dial', `Available credit is ${available} ${c.currency} (credit ${c.credit} + debit limit ${c.debitLimit}).`);
  }
  if (!c.contacts.some((k) => k.email !== undefined)) {
    add('no_email_contact', 'No contact has an email address: balance and downtime notices cannot reach them.');
  }
  return warnings;
}
