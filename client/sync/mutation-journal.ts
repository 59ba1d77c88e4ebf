import type { Table } from 'dexie';
import type { MutatorName } from '../../shared/mutator-args.js';

/** One saved change, kept until the replica has it in IndexedDB. */
export interface JournalEntry {
  /** Order of saving; assigned by IndexedDB. */
  seq?: number;
  userId: string;
  /** The change's intent id, also inside `args`: every copy of the change carries it. */
  intent: string;
  name: MutatorName;
  args: unknown;
  savedAt: number;
}

/**
 * The user's saved changes, written to IndexedDB before the app says "saved". Replicache
 * keeps a change in memory until its next persist (seconds at 100,000 customers); waiting
 * for that made every dialog slow, and not waiting would lose changes to a closed or
 * killed tab. The journal is one small IndexedDB write per change instead:
 * 1. `record` as the change is made, before the caller reports success.
 * 2. `forget` once a persist that started after its local commit finished.
 * 3. On start, `entries` the replica does not hold are made again (journalled-commits.ts);
 *    the server applies each intent once, so a copy of a change that did arrive is harmless.
 */
export class MutationJournal {
  constructor(
    private readonly table: Table<JournalEntry, number>,
    private readonly userId: string,
  ) {}

  /** Stores a change; resolves once IndexedDB has it. */
  async record(intent: string, name: MutatorName, args: unknown): Promise<void> {
    await this.table.add({ userId: this.userId, intent, name, args, savedAt: Date.now() });
  }

  /** Drops the entries of these intents: the replica has persisted them. */
  async forget(intents: readonly string[]): Promise<void> {
    if (intents.length === 0) return;
    const wanted = new Set(intents);
    await this.table
      .where('userId')
      .equals(this.userId)
      .and((e) => wanted.has(e.intent))
      .delete();
  }

  /** This user's entries, oldest first. */
  entries(): Promise<JournalEntry[]> {
    return this.table.where('userId').equals(this.userId).sortBy('seq');
  }
}
