import { z } from 'zod';
import { customerCreateSchema, customerPatchSchema, moneySchema } from './customer.js';
import { warningThresholdsSchema } from './warnings.js';
import { bulkPatchSchema, bulkSnapshotPatchSchema, bulkSnapshotSchema, staffStatusSchema } from './customer-patch.js';
import { noControlCharacters } from './text.js';
import { savedViewMutators } from './saved-views.js';

/** The most customers one bulk mutation may touch: a whole large carrier. */
export const MAX_BULK_IDS = 100_000;

const idsSchema = z.array(z.uuid()).min(1, 'Select at least one customer').max(MAX_BULK_IDS);

/**
 * Undo of a bulk edit: customers grouped by identical snapshot, each snapshot holding
 * only the fields the edit touched. When an id appears more than once, its last snapshot
 * wins.
 */
const snapshotGroupsSchema = z.object({
  groups: z
    .array(z.object({ ids: z.array(z.uuid()).min(1).max(MAX_BULK_IDS), snapshot: bulkSnapshotPatchSchema }))
    .min(1)
    .max(MAX_BULK_IDS)
    .refine((groups) => groups.reduce((n, g) => n + g.ids.length, 0) <= MAX_BULK_IDS, `At most ${MAX_BULK_IDS.toLocaleString('en')} customers`),
});

/**
 * The form of undo that earlier app versions queue: one full snapshot per customer.
 * Devices may still hold such undos, so it stays accepted.
 */
const snapshotEntriesSchema = z.object({
  entries: z.array(z.object({ id: z.uuid(), snapshot: bulkSnapshotSchema })).min(1).max(MAX_BULK_IDS),
});

/** Argument schemas of every mutator, parsed on the client before the optimistic write and again on the server. */
export const mutatorArgSchemas = {
  createCustomer: customerCreateSchema,
  updateCustomer: z.object({ id: z.uuid(), patch: customerPatchSchema }),
  bulkUpdateCustomers: z.object({ ids: idsSchema, patch: bulkPatchSchema }),
  restoreBulkSnapshots: z.union([snapshotGroupsSchema, snapshotEntriesSchema]),
  setCustomerStatus: z.object({ ids: idsSchema, status: staffStatusSchema }),
  deleteCustomers: z.object({ ids: idsSchema }),
  restoreCustomers: z.object({ ids: idsSchema }),
  postBalanceEntry: z.object({
    customerId: z.uuid(),
    kind: z.enum(['payment', 'adjustment']),
    /** Signed: a payment is positive; an adjustment either way. */
    amount: moneySchema.refine((v) => !/^-?0(\.0+)?$/.test(v), 'The amount cannot be zero'),
    reason: z.string().trim().min(1, 'Say why').max(200).check(noControlCharacters()),
    /** The payment's own reference (bank transfer id...), shown in the ledger. */
    reference: z.string().trim().max(100).check(noControlCharacters()).optional(),
  }),
  setWarningThresholds: warningThresholdsSchema,
  dismissRejections: z.object({ ids: z.array(z.string().min(1).max(200).check(noControlCharacters())).min(1).max(1000) }),
  saveGridView: savedViewMutators.saveGridView.args,
  deleteGridView: savedViewMutators.deleteGridView.args,
  setDefaultGridView: savedViewMutators.setDefaultGridView.args,
} as const;

/**
 * Every change a user makes carries a random intent id beside its arguments (the mutator
 * schemas ignore it). Copies of one change, the original and any the device's journal
 * sends again after a crash, share it, and the server applies one intent at most once
 * (server/sync/applied-intents.ts, client/sync/mutation-journal.ts).
 */
export const INTENT_KEY = 'intent';

/** The intent id a mutation's arguments carry, if any. */
export function intentOf(args: unknown): string | undefined {
  const intent = (args as Record<string, unknown> | null | undefined)?.[INTENT_KEY];
  return typeof intent === 'string' && z.uuid().safeParse(intent).success ? intent : undefined;
}

export type MutatorName = keyof typeof mutatorArgSchemas;
export type MutatorArgs<N extends MutatorName> = z.input<(typeof mutatorArgSchemas)[N]>;
export type ParsedMutatorArgs<N extends MutatorName> = z.output<(typeof mutatorArgSchemas)[N]>;

export const MUTATOR_NAMES = Object.keys(mutatorArgSchemas) as MutatorName[];

export function isMutatorName(name: string): name is MutatorName {
  return Object.hasOwn(mutatorArgSchemas, name);
}

/** A human description of a mutation, used when the server refuses it. */
export function describeMutation(name: string, args: unknown): string {
  const a = (args ?? {}) as { name?: unknown; ids?: unknown[]; entries?: unknown[]; groups?: { ids?: unknown[] }[]; patch?: { name?: unknown } };
  const count = (n: number) => `${n.toLocaleString('en')} customer${n === 1 ? '' : 's'}`;
  switch (name) {
    case 'createCustomer':
      return `Create customer “${String(a.name ?? '')}”`;
    case 'updateCustomer':
      return a.patch?.name ? `Edit customer “${String(a.patch.name)}”` : 'Edit a customer';
    case 'bulkUpdateCustomers':
      return `Bulk edit of ${count(a.ids?.length ?? 0)}`;
    case 'restoreBulkSnapshots':
      return `Undo of a bulk edit (${count(a.entries?.length ?? (Array.isArray(a.groups) ? a.groups.reduce((n, g) => n + (g?.ids?.length ?? 0), 0) : 0))})`;
    case 'setCustomerStatus':
      return `Status change of ${count(a.ids?.length ?? 0)}`;
    case 'deleteCustomers':
      return `Delete ${count(a.ids?.length ?? 0)}`;
    case 'restoreCustomers':
      return `Restore ${count(a.ids?.length ?? 0)}`;
    case 'postBalanceEntry':
      return `${(args as { kind?: string }).kind === 'payment' ? 'Payment' : 'Adjustment'} of ${String((args as { amount?: unknown }).amount ?? '')}`;
    case 'setWarningThresholds':
      return 'Change the warning thresholds';
    case 'dismissRejections':
      return 'Dismiss refused changes';
    case 'saveGridView':
    case 'deleteGridView':
    case 'setDefaultGridView':
      return savedViewMutators[name].describe(a);
    default:
      return `Unknown change “${name}”`;
  }
}
