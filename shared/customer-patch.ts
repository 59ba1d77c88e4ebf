import { z } from 'zod';
import type { Customer, CustomerCreate, CustomerPatch, SipUserInput } from './customer.js';
import { countrySchema, limitSchema, MAX_TAGS, tagSchema } from './customer.js';
import { customerStatusSchema, type CustomerStatus } from './customer-status.js';
import { AppError } from './errors.js';
import { toMinor } from './money.js';
import type { CustomerWithoutLists } from './customer-split.js';

/**
 * Pure functions that turn a customer and a change into the next customer. Client and
 * server both call these, so an optimistic edit and the server's result agree; the
 * server's bulk SQL is tested against `applyBulkPatch`.
 */

/** Statuses staff may set by hand; `penalty` is only ever set by an alert rule. */
export const staffStatusSchema = customerStatusSchema.exclude(['penalty']);

export const TAG_MODES = ['set', 'add', 'remove'] as const;

/** One change applied to many customers at once. */
export const bulkPatchSchema = z
  .object({
    status: staffStatusSchema.optional(),
    channels: limitSchema.optional(),
    cpsLimit: limitSchema.optional(),
    portalAccess: z.boolean().optional(),
    country: countrySchema.nullable().optional(),
    tags: z.object({ mode: z.enum(TAG_MODES), values: z.array(tagSchema).max(MAX_TAGS) }).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'Choose at least one field to change');
export type BulkPatch = z.infer<typeof bulkPatchSchema>;

/** The fields a bulk edit can touch, as they were before it: what undo puts back. */
export const bulkSnapshotSchema = z.object({
  status: customerStatusSchema,
  channels: limitSchema,
  cpsLimit: limitSchema,
  portalAccess: z.boolean(),
  country: countrySchema.nullable(),
  tags: z.array(tagSchema).max(MAX_TAGS),
  penaltyUntil: z.iso.datetime().nullable(),
  statusBeforePenalty: customerStatusSchema.nullable(),
});
export type BulkSnapshot = z.infer<typeof bulkSnapshotSchema>;

/** The fields a snapshot reads: a list row (`c/`) holds them all. */
export type SnapshotSource = Pick<Customer, 'status' | 'channels' | 'cpsLimit' | 'portalAccess' | 'country' | 'tags' | 'penaltyUntil' | 'statusBeforePenalty'>;

export function bulkSnapshot(c: SnapshotSource): BulkSnapshot {
  return {
    status: c.status,
    channels: c.channels,
    cpsLimit: c.cpsLimit,
    portalAccess: c.portalAccess,
    country: c.country ?? null,
    tags: c.tags,
    penaltyUntil: c.penaltyUntil ?? null,
    statusBeforePenalty: c.statusBeforePenalty ?? null,
  };
}

export type SnapshotField = keyof BulkSnapshot;

/**
 * Some fields of a snapshot: those a bulk edit touched. Undo puts back only these, so an
 * undo of a status change on 100,000 customers carries three fields, not eight, and
 * customers whose fields were equal share one snapshot (see `groupSnapshots`).
 */
export const bulkSnapshotPatchSchema = bulkSnapshotSchema
  .partial()
  .refine((s) => Object.values(s).some((v) => v !== undefined), 'A snapshot needs at least one field');
export type BulkSnapshotPatch = z.infer<typeof bulkSnapshotPatchSchema>;

/** The snapshot fields a bulk edit or status change writes; a new status also ends a penalty. */
export function touchedSnapshotFields(patch: { [K in keyof BulkPatch]?: unknown }): SnapshotField[] {
  const fields: SnapshotField[] = [];
  if (patch.status !== undefined) fields.push('status', 'penaltyUntil', 'statusBeforePenalty');
  if (patch.channels !== undefined) fields.push('channels');
  if (patch.cpsLimit !== undefined) fields.push('cpsLimit');
  if (patch.portalAccess !== undefined) fields.push('portalAccess');
  if (patch.country !== undefined) fields.push('country');
  if (patch.tags !== undefined) fields.push('tags');
  return fields;
}

/** Only `fields` of the customer's snapshot, in a fixed order (so equal snapshots serialise equally). */
export function pickSnapshot(c: SnapshotSource, fields: readonly SnapshotField[]): BulkSnapshotPatch {
  const full = bulkSnapshot(c);
  const wanted = new Set(fields);
  return Object.fromEntries(Object.entries(full).filter(([k]) => wanted.has(k as SnapshotField))) as BulkSnapshotPatch;
}

/** Puts back a snapshot taken by `bulkSnapshot` or `pickSnapshot`: the fields it holds, and no others. */
export function applySnapshot<C extends CustomerWithoutLists>(c: C, s: BulkSnapshotPatch, now: string): C {
  const next: C = { ...c, updatedAt: now };
  if (s.status !== undefined) next.status = s.status;
  if (s.channels !== undefined) next.channels = s.channels;
  if (s.cpsLimit !== undefined) next.cpsLimit = s.cpsLimit;
  if (s.portalAccess !== undefined) next.portalAccess = s.portalAccess;
  if (s.tags !== undefined) next.tags = s.tags;
  if (s.country !== undefined) setOptional(next, 'country', s.country);
  if (s.penaltyUntil !== undefined) setOptional(next, 'penaltyUntil', s.penaltyUntil);
  if (s.statusBeforePenalty !== undefined) setOptional(next, 'statusBeforePenalty', s.statusBeforePenalty);
  return next;
}

/**
 * Sets the status. Staff changing the status of a customer in penalty ends the penalty
 * early: the automatic return to the earlier status must not undo the staff decision.
 */
export function withStatus<C extends CustomerWithoutLists>(c: C, status: CustomerStatus, now: string): C {
  if (status === c.status) return c;
  if (status === 'penalty') throw new AppError('invalid_input', 'Penalty is set by alert rules, not by hand.');
  const next: C = { ...c, status, updatedAt: now };
  delete next.penaltyUntil;
  delete next.statusBeforePenalty;
  return next;
}

export function applyTags(tags: string[], mode: (typeof TAG_MODES)[number], values: string[]): string[] {
  const key = (t: string) => t.toLowerCase();
  if (mode === 'set') return dedupe(values);
  if (mode === 'add') return dedupe([...tags, ...values]).slice(0, MAX_TAGS);
  const drop = new Set(values.map(key));
  return tags.filter((t) => !drop.has(key(t)));
}

/** The result of one bulk edit on one customer. */
export function applyBulkPatch<C extends CustomerWithoutLists>(c: C, patch: BulkPatch, now: string): C {
  let next: C = patch.status !== undefined ? withStatus(c, patch.status, now) : { ...c };
  if (patch.channels !== undefined) next.channels = patch.channels;
  if (patch.cpsLimit !== undefined) next.cpsLimit = patch.cpsLimit;
  if (patch.portalAccess !== undefined) next.portalAccess = patch.portalAccess;
  if (patch.country !== undefined) setOptional(next, 'country', patch.country);
  if (patch.tags) next.tags = applyTags(next.tags, patch.tags.mode, patch.tags.values);
  next = { ...next, updatedAt: now };
  return next;
}

/** A new customer from the create form, import or API, with every default filled in. */
export function buildCustomer(input: CustomerCreate, now: string): Customer {
  requirePasswords(input.sipUsers ?? [], []);
  if (input.status === 'penalty') throw new AppError('invalid_input', 'Penalty is set by alert rules, not by hand.');
  const c: Customer = {
    id: input.id,
    name: input.name,
    status: input.status ?? 'active',
    currency: input.currency,
    credit: input.credit ?? '0.00',
    debitLimit: input.debitLimit ?? '0.00',
    channels: input.channels ?? 0,
    cpsLimit: input.cpsLimit ?? 0,
    tags: input.tags ?? [],
    portalAccess: input.portalAccess ?? false,
    contacts: input.contacts ?? [],
    ipAuth: input.ipAuth ?? [],
    sipUsers: (input.sipUsers ?? []).map(publicSipUser),
    routes: input.routes ?? [],
    createdAt: now,
    updatedAt: now,
  };
  setOptional(c, 'accountRef', input.accountRef);
  setOptional(c, 'country', input.country);
  setOptional(c, 'accountManager', input.accountManager);
  setOptional(c, 'dailySpendLimit', input.dailySpendLimit);
  return c;
}

/** The result of an edit on the customer card. Notes and SIP passwords are stored elsewhere. */
export function applyCustomerPatch(c: Customer, patch: CustomerPatch, now: string): Customer {
  if (patch.currency !== undefined && patch.currency !== c.currency && toMinor(c.credit) !== 0n) {
    throw new AppError('currency_locked', `The currency of ${c.name} cannot change: it has a balance of ${c.credit} ${c.currency}.`);
  }
  if (patch.sipUsers) requirePasswords(patch.sipUsers, c.sipUsers.map((u) => u.username));
  let next: Customer = patch.status !== undefined ? withStatus(c, patch.status, now) : { ...c };
  const simple = ['name', 'currency', 'debitLimit', 'channels', 'cpsLimit', 'tags', 'portalAccess', 'contacts', 'ipAuth', 'routes'] as const;
  for (const field of simple) {
    if (patch[field] !== undefined) (next as Record<string, unknown>)[field] = patch[field];
  }
  if (patch.sipUsers !== undefined) next.sipUsers = patch.sipUsers.map(publicSipUser);
  if (patch.accountRef !== undefined) setOptional(next, 'accountRef', patch.accountRef);
  if (patch.country !== undefined) setOptional(next, 'country', patch.country);
  if (patch.accountManager !== undefined) setOptional(next, 'accountManager', patch.accountManager);
  if (patch.dailySpendLimit !== undefined) setOptional(next, 'dailySpendLimit', patch.dailySpendLimit);
  next = { ...next, updatedAt: now };
  return next;
}

export function publicSipUser(u: SipUserInput): Customer['sipUsers'][number] {
  return { username: u.username, channels: u.channels, cps: u.cps };
}

/** A SIP username new to this customer must come with a password; a kept one may omit it. */
function requirePasswords(users: SipUserInput[], existing: string[]): void {
  const known = new Set(existing.map((u) => u.toLowerCase()));
  const missing = users.filter((u) => u.password === undefined && !known.has(u.username.toLowerCase()));
  if (missing.length > 0) {
    throw new AppError(
      'invalid_input',
      `SIP user ${missing.map((u) => u.username).join(', ')} needs a password.`,
      missing.map((u) => ({ path: 'sipUsers', message: `${u.username} needs a password` })),
    );
  }
}

function dedupe(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()) !== undefined);
}

/** Optional fields are absent, never null, in the synced row. */
function setOptional<K extends keyof CustomerWithoutLists>(c: CustomerWithoutLists, key: K, value: CustomerWithoutLists[K] | null | undefined): void {
  if (value === null || value === undefined) delete c[key];
  else c[key] = value;
}
