import type { z } from 'zod';
import { customerCreateSchema, customerPatchSchema } from '../../shared/customer.js';
import type { AppError, FieldIssue } from '../../shared/errors.js';
import { toMinor, isMoney } from '../../shared/money.js';
import { toFieldIssues } from '../../shared/validation.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { editsPassword, toCreateInput, toEditableInput, type CustomerFormValues } from './customer-form-values.js';
import { foldText } from '../customer-index/fold-text.js';

/** Errors keyed by form path ("contacts.0.email"), the shape @mantine/form uses. */
export type FormErrors = Record<string, string>;

export interface CustomerFormContext {
  mode: 'create' | 'edit';
  /** The customer being edited; excluded from the uniqueness checks. */
  selfId?: string;
  /** The credit of the customer being edited: a balance locks the currency. */
  savedCredit?: string;
  savedCurrency?: string;
  /**
   * The name and account ref as saved: kept unchanged they are not checked again (a clash
   * someone else made meanwhile is refused by the server, not blamed on this edit).
   */
  savedName?: string;
  savedAccountRef?: string;
  rows: readonly IndexedCustomer[];
}

// Any valid UUID: validation of a new customer runs before its id exists.
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** Zod issues as form errors: the first message per path wins. */
export function issuesToFormErrors(issues: readonly FieldIssue[], stripPrefix = ''): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const path = stripPrefix && issue.path.startsWith(stripPrefix) ? issue.path.slice(stripPrefix.length) : issue.path;
    errors[path] ??= issue.message;
  }
  return errors;
}

function schemaErrors(schema: z.ZodType, input: unknown): FormErrors {
  const result = schema.safeParse(input);
  return result.success ? {} : issuesToFormErrors(toFieldIssues(result.error));
}

interface ClashLookup {
  /** Live customers by folded name. */
  byName: Map<string, IndexedCustomer[]>;
  /** Live customers by account ref. */
  byRef: Map<string, IndexedCustomer[]>;
}

// Built once per snapshot of the rows, when a name or ref is first checked against it: a
// scan of 100,000 rows on every keystroke and on Save took tens of milliseconds each.
const lookups = new WeakMap<readonly IndexedCustomer[], ClashLookup>();

function lookupOf(rows: readonly IndexedCustomer[]): ClashLookup {
  let lookup = lookups.get(rows);
  if (lookup) return lookup;
  lookup = { byName: new Map(), byRef: new Map() };
  const add = (map: Map<string, IndexedCustomer[]>, key: string, row: IndexedCustomer) => {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  for (const r of rows) {
    if (r.deletedAtMs !== undefined) continue;
    add(lookup.byName, r.nameKey, r);
    if (r.customer.accountRef !== undefined) add(lookup.byRef, r.customer.accountRef, r);
  }
  lookups.set(rows, lookup);
  return lookup;
}

/** Another live customer with this name (case-insensitive), if any. */
export function findNameClash(rows: readonly IndexedCustomer[], name: string, selfId?: string): IndexedCustomer | undefined {
  const key = foldText(name.trim());
  if (key === '') return undefined;
  // foldText also drops accents; compare lowercase too so "Émile" and "Emile" stay distinct names.
  const lower = name.trim().toLowerCase();
  return lookupOf(rows)
    .byName.get(key)
    ?.find((r) => r.id !== selfId && r.customer.name.toLowerCase() === lower);
}

/** Another live customer with this account ref (exact, as the database enforces), if any. */
export function findAccountRefClash(rows: readonly IndexedCustomer[], accountRef: string, selfId?: string): IndexedCustomer | undefined {
  const ref = accountRef.trim();
  if (ref === '') return undefined;
  return lookupOf(rows)
    .byRef.get(ref)
    ?.find((r) => r.id !== selfId);
}

/**
 * The form's validator: the shared zod schema (the same one the mutator runs), plus
 * what only the page knows (unique name and account ref, passwords of new SIP users,
 * the currency lock).
 */
export function validateCustomerForm(values: CustomerFormValues, ctx: CustomerFormContext): FormErrors {
  const errors =
    ctx.mode === 'create'
      ? schemaErrors(customerCreateSchema, toCreateInput(values, PLACEHOLDER_ID))
      : schemaErrors(customerPatchSchema, toEditableInput(values));

  const nameClash = values.name.trim() === ctx.savedName ? undefined : findNameClash(ctx.rows, values.name, ctx.selfId);
  if (nameClash) errors.name ??= `“${nameClash.customer.name}” already exists`;
  const refClash = values.accountRef.trim() === (ctx.savedAccountRef ?? '') ? undefined : findAccountRefClash(ctx.rows, values.accountRef, ctx.selfId);
  if (refClash) errors.accountRef ??= `Already used by ${refClash.customer.name}`;

  values.sipUsers.forEach((u, i) => {
    if (editsPassword(u) && u.password === '') errors[`sipUsers.${i}.password`] ??= 'Set a password for this SIP user';
  });

  if (ctx.mode === 'edit' && currencyLocked(ctx.savedCredit) && values.currency !== ctx.savedCurrency) {
    errors.currency ??= 'The currency cannot change while there is a balance';
  }
  return errors;
}

/** A customer with a balance keeps its currency. */
export function currencyLocked(credit: string | undefined): boolean {
  return credit !== undefined && isMoney(credit) && toMinor(credit) !== 0n;
}

/** Where a refusal from a mutator belongs on the card: field errors plus a message for the top. */
export function appErrorToForm(error: AppError): { fields: FormErrors; message: string } {
  const fields = issuesToFormErrors(error.issues ?? [], 'patch.');
  const byCode: Partial<Record<AppError['code'], string>> = {
    duplicate_name: 'name',
    duplicate_account_ref: 'accountRef',
    duplicate_sip_username: 'sipUsers',
    currency_locked: 'currency',
  };
  const path = byCode[error.code];
  if (path) fields[path] ??= error.message;
  return { fields, message: error.message };
}

export const CUSTOMER_TABS = ['main', 'contacts', 'authentication', 'routing', 'notes'] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

const TAB_OF_FIELD: Record<string, CustomerTab> = {
  contacts: 'contacts',
  ipAuth: 'authentication',
  sipUsers: 'authentication',
  routes: 'routing',
  notes: 'notes',
};

/** The tab that holds the input at `path`. */
export function tabOfPath(path: string): CustomerTab {
  return TAB_OF_FIELD[path.split('.')[0] ?? ''] ?? 'main';
}

/** Tabs holding at least one invalid input, in tab order (for the error dots). */
export function tabsWithErrors(errors: Record<string, unknown>): CustomerTab[] {
  const tabs = new Set(Object.keys(errors).filter((p) => errors[p]).map(tabOfPath));
  return CUSTOMER_TABS.filter((t) => tabs.has(t));
}
