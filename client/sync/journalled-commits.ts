import { INTENT_KEY, intentOf, type MutatorName } from '../../shared/mutator-args.js';
import type { MutationJournal } from './mutation-journal.js';
import type { MutateOptions, TrunklineReplicache } from './sync-context.js';

/**
 * Makes the user's changes on the local replica, each journalled under a fresh intent id
 * before the caller hears "saved", and makes lost ones again when the app opens.
 */
export class JournalledCommits {
  /** Intents committed to the replica and journalled, not yet covered by a persist. */
  private committed: string[] = [];
  /** Every intent made by this tab: never lost, so never made again. */
  private readonly made = new Set<string>();
  private replays: Promise<unknown> = Promise.resolve();

  /**
   * `persistNow` makes the replica durable the slow way, for when the journal cannot be
   * written (IndexedDB full or failing): "saved" must stay true either way.
   */
  constructor(
    private readonly rep: TrunklineReplicache,
    private readonly journal: MutationJournal,
    private readonly persistNow: () => Promise<void>,
    private readonly newIntent: () => string = () => crypto.randomUUID(),
  ) {}

  /**
   * Journals the change and commits it locally at once (the grid shows it; `onCommitted`
   * runs), resolving when both are done. A change the device refuses leaves no entry.
   */
  async save(name: MutatorName, args: object, { onShown, onCommitted, beforeCommit, beforeJournal }: MutateOptions = {}): Promise<void> {
    const intent = this.newIntent();
    const withIntent = { ...args, [INTENT_KEY]: intent };
    this.made.add(intent);
    // Journal before the replica's run (or, with `beforeJournal`, right after the preview's
    // paint): a tab closed while the replica still works on a large change keeps it.
    const record = () => this.journal.record(intent, name, withIntent);
    const recorded = beforeJournal ? beforeJournal().then(record) : record();
    try {
      await beforeCommit?.();
      await this.commit(name, withIntent);
    } catch (error) {
      await recorded.catch(() => {});
      await this.journal.forget([intent]);
      throw error;
    }
    onShown?.();
    onCommitted?.();
    await recorded.catch((error: unknown) => {
      console.warn('The change journal could not be written; storing the replica instead', error);
      return this.persistNow();
    });
    // Only now may a persist let the entry go: one that ran before it was written would miss it.
    this.committed.push(intent);
  }

  /** Call as a persist starts; after it ends, pass the result to `persisted`. */
  persistStarting(): string[] {
    return this.committed.splice(0);
  }

  /** The replica persisted these changes: the journal lets them go. */
  persisted(intents: string[]): Promise<void> {
    return this.journal.forget(intents);
  }

  /**
   * Step 3 of the journal: makes again, oldest first, each journalled change the replica
   * does not hold pending (lost with its tab before a persist), under the same intent.
   *
   * A change the device refuses now may only lack data a pull will bring (it edits a
   * customer the replica has not received yet): it stays journalled until a replay after
   * a complete pull (`settled`) refuses it too. Returns how many changes were made again.
   */
  replay({ settled }: { settled: boolean }): Promise<number> {
    const run = this.replays.then(() => this.replayOnce(settled));
    this.replays = run.catch(() => {});
    return run;
  }

  private async replayOnce(settled: boolean): Promise<number> {
    const entries = await this.journal.entries();
    if (entries.length === 0) return 0;
    // Reading pending mutations before the replica has loaded its state fails ("Missing head
    // main"); a query waits for it.
    await this.rep.query(() => undefined);
    const held = new Set((await this.rep.experimentalPendingMutations()).map((m) => intentOf(m.args)));
    // Held pending in the replica as it opened: persisted, so the journal may let them go.
    const dropped: string[] = [];
    let replayed = 0;
    for (const entry of entries) {
      if (this.made.has(entry.intent)) continue;
      if (held.has(entry.intent)) {
        dropped.push(entry.intent);
        continue;
      }
      try {
        this.made.add(entry.intent);
        await this.commit(entry.name, entry.args);
        this.committed.push(entry.intent);
        replayed++;
      } catch (error) {
        this.made.delete(entry.intent);
        console.warn(`A saved change could not be made again${settled ? ' and is dropped' : ' yet'}:`, error);
        if (settled) dropped.push(entry.intent);
      }
    }
    await this.journal.forget(dropped);
    return replayed;
  }

  private async commit(name: MutatorName, args: unknown): Promise<void> {
    await (this.rep.mutate[name] as (a: unknown) => Promise<void>)(args);
  }
}
