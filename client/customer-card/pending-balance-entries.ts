import type { MutatorArgs } from '../../shared/mutator-args.js';

/** A payment or adjustment posted on this device that the server has not confirmed yet. */
export interface PendingBalanceEntry {
  /** Unique among pending mutations: client and mutation id. */
  key: string;
  kind: 'payment' | 'adjustment';
  amount: string;
  reason: string;
  reference: string | undefined;
}

interface PendingMutationLike {
  readonly name: string;
  readonly id: number;
  readonly clientID: string;
  readonly args: unknown;
}

/** The customer's balance entries among Replicache's pending mutations, newest first like the ledger. */
export function pendingBalanceEntries(mutations: readonly PendingMutationLike[], customerId: string): PendingBalanceEntry[] {
  const entries: PendingBalanceEntry[] = [];
  for (const m of mutations) {
    if (m.name !== 'postBalanceEntry') continue;
    const a = m.args as Partial<MutatorArgs<'postBalanceEntry'>> | null;
    if (!a || a.customerId !== customerId || typeof a.amount !== 'string') continue;
    entries.push({
      key: `${m.clientID}:${m.id}`,
      kind: a.kind === 'payment' ? 'payment' : 'adjustment',
      amount: a.amount.trim(),
      reason: typeof a.reason === 'string' ? a.reason.trim() : '',
      reference: typeof a.reference === 'string' && a.reference.trim() ? a.reference.trim() : undefined,
    });
  }
  return entries.reverse();
}

/** How many of `before` are no longer pending in `after`: the server has them now (or refused them). */
export function settledCount(before: readonly PendingBalanceEntry[], after: readonly PendingBalanceEntry[]): number {
  const still = new Set(after.map((e) => e.key));
  return before.filter((e) => !still.has(e.key)).length;
}
