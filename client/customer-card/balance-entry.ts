import type { Customer } from '../../shared/customer.js';
import { addMoney, balanceBoundError, isMoney, isWithinMoneyBound, toMinor } from '../../shared/money.js';
import { mutatorArgSchemas, type MutatorArgs } from '../../shared/mutator-args.js';
import { zodFormValidate } from '../forms/zod-form-validate.js';
import { formatMoney } from '../format/format-money.js';

export type BalanceEntryKind = 'payment' | 'adjustment';

/** The "Post payment / adjustment" form as typed. */
export interface BalanceEntryValues {
  kind: BalanceEntryKind;
  amount: string;
  reason: string;
  reference: string;
}

export const EMPTY_BALANCE_ENTRY: BalanceEntryValues = { kind: 'payment', amount: '', reason: '', reference: '' };

/** The mutator's arguments: an empty reference is left out rather than stored as "". */
export function toBalanceEntryArgs(customerId: string, v: BalanceEntryValues): MutatorArgs<'postBalanceEntry'> {
  const reference = v.reference.trim();
  return { customerId, kind: v.kind, amount: v.amount.trim(), reason: v.reason, ...(reference ? { reference } : {}) };
}

const schemaErrors = zodFormValidate(mutatorArgSchemas.postBalanceEntry);

/**
 * The shared schema's rules, plus the mutator's own (a payment only adds credit; the
 * balance `credit` may not go beyond the money bound), checked before posting so the form
 * says what is wrong instead of the change being refused.
 */
export function validateBalanceEntry(v: BalanceEntryValues, credit?: string): Record<string, string> {
  // Any UUID will do: the field under test is not the id.
  const errors = schemaErrors(toBalanceEntryArgs('00000000-0000-4000-8000-000000000000', v));
  delete errors.customerId;
  const amount = v.amount.trim();
  if (amount === '') errors.amount = 'Enter the amount';
  else if (!errors.amount && v.kind === 'payment' && isMoney(amount) && toMinor(amount) < 0n) {
    errors.amount = 'A payment adds credit: use an adjustment to take it away';
  } else if (!errors.amount && credit !== undefined && isMoney(amount) && isWithinMoneyBound(amount)) {
    const beyond = balanceBoundError(credit, amount);
    if (beyond) errors.amount = beyond;
  }
  return errors;
}

/** Credit the customer may still spend: the balance plus how far below zero it may go. */
export function availableCredit(c: Pick<Customer, 'credit' | 'debitLimit'>): string {
  return addMoney(c.credit, c.debitLimit);
}

/** A ledger amount with its sign always shown ("+EUR 25.00", "-EUR 3.10"). */
export function signedMoney(amount: string, currency: string): string {
  const text = formatMoney(amount, currency);
  return amount.trim().startsWith('-') || Number(amount) === 0 ? text : `+${text}`;
}

/** Green for money in, red for money out. */
export function amountColor(amount: string): 'green' | 'red' | undefined {
  const n = Number(amount);
  return n > 0 ? 'green' : n < 0 ? 'red' : undefined;
}
