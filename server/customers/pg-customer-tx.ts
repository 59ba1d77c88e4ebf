import type { JSONValue } from 'postgres';
import type { Customer } from '../../shared/customer.js';
import { AppError } from '../../shared/errors.js';
import type { CustomerTx } from '../../shared/mutators.js';
import {
  CUSTOMER_COLUMNS,
  customerToListColumns,
  customerToRow,
  LIST_COLUMNS,
  rowToCustomer,
  rowToCustomerWithoutLists,
  type CustomerRow,
  type DetailColumn,
} from './customer-row.js';
import type { MutationContext } from './mutation-context.js';
import { syncSipCredentials } from './sip-credentials.js';
import { customerUniqueError } from './unique-violations.js';
import { currencyLockError } from './currency-lock.js';

/** Columns a put rewrites; `created_at` and `id` never change once written. */
const UPDATED_COLUMNS = CUSTOMER_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at');
/** The same, for a write that leaves the four lists as stored. */
const UPDATED_LIST_COLUMNS = LIST_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at');

/**
 * The shared mutators' storage over the push transaction: the authoritative side. Every
 * read and write is scoped to the session's organisation, and every write stamps the
 * mutation's space version so the next pull sends it.
 */
export function pgCustomerTx(ctx: MutationContext): CustomerTx {
  const { tx, organisationId, version } = ctx;
  return {
    role: ctx.role,
    now: () => ctx.now,

    async getCustomer(id) {
      const [row] = await tx<CustomerRow[]>`
        select ${tx(CUSTOMER_COLUMNS)} from customers where id = ${id} and organisation_id = ${organisationId}`;
      return row ? rowToCustomer(row) : undefined;
    },

    async putCustomer(customer) {
      const row = { ...writableRow(ctx, customer), organisation_id: organisationId, version };
      let written: readonly unknown[];
      try {
        // Ids are global: the WHERE keeps an id another organisation owns out of reach.
        written = await tx`
          insert into customers ${tx(row)}
          on conflict (id) do update set ${tx(row, ...UPDATED_COLUMNS, 'version')}
          where customers.organisation_id = ${organisationId}
          returning id`;
      } catch (error) {
        throw currencyLockError(customerUniqueError(error, customer), customer);
      }
      if (written.length === 0) throw new AppError('conflict', `Customer ${customer.id} already exists.`);
    },

    async getCustomerRow(id) {
      const [row] = await tx<Omit<CustomerRow, DetailColumn>[]>`
        select ${tx(LIST_COLUMNS)} from customers where id = ${id} and organisation_id = ${organisationId}`;
      return row ? rowToCustomerWithoutLists(row) : undefined;
    },

    async putCustomerRow(customer) {
      const row = { ...customerToListColumns(customer), version };
      let written: readonly unknown[];
      try {
        written = await tx`
          update customers set ${tx(row, ...UPDATED_LIST_COLUMNS, 'version')}
          where id = ${customer.id} and organisation_id = ${organisationId}
          returning id`;
      } catch (error) {
        throw currencyLockError(customerUniqueError(error, customer), customer);
      }
      if (written.length === 0) throw new AppError('not_found', `Customer ${customer.id} does not exist.`);
    },

    async setNotes(customerId, notes) {
      // The row's version moves too: pull finds changed notes through their customer.
      await tx`
        update customers set notes = ${notes === '' ? null : notes}, notes_version = ${version}, version = ${version}
        where id = ${customerId} and organisation_id = ${organisationId}`;
    },

    setSipSecrets: (customerId, users) => syncSipCredentials(ctx, customerId, users),

    async noteBalanceEntry(entry) {
      // Read by the ledger trigger on customers.credit, for this transaction only.
      await tx`
        select set_config('trunkline.ledger_kind', ${entry.kind}, true),
          set_config('trunkline.ledger_reason', ${entry.reason}, true),
          set_config('trunkline.ledger_reference', ${entry.reference ?? ''}, true),
          set_config('trunkline.ledger_user', ${ctx.userId}, true)`;
    },

    async putWarningThresholds(thresholds) {
      // The organisation row carries them; its settings version makes the next pull send them.
      await tx`
        update organisations set warning_thresholds = ${tx.json(thresholds)}, settings_version = ${version}
        where id = ${organisationId}`;
    },

    async dismissRejection(id) {
      await tx`
        update mutation_rejections set dismissed = true, version = ${version}
        where id = ${id} and user_id = ${ctx.userId} and organisation_id = ${organisationId} and not dismissed`;
    },
  };
}

/** A customer as column values; jsonb columns are wrapped, or postgres.js would send arrays of objects as Postgres arrays. */
function writableRow(ctx: MutationContext, customer: Customer) {
  const r = customerToRow(customer);
  const json = (value: unknown) => ctx.tx.json(value as JSONValue);
  return { ...r, contacts: json(r.contacts), ip_auth: json(r.ip_auth), sip_users: json(r.sip_users), routes: json(r.routes) };
}
