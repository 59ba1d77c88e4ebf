/**
 * Replicache keeps recent writes in memory and copies them to IndexedDB later; a reload
 * in between loses them. `flush()` makes everything committed so far durable. Calls are
 * serialised (Replicache's persist() must not run twice at once) and coalesced: callers
 * that arrive before a queued run starts share it.
 */
export class PersistQueue {
  private tail: Promise<void> = Promise.resolve();
  private next: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly persist: () => Promise<void>,
    private readonly idleMs = 300,
  ) {}

  /** Resolves once every write committed before this call is in IndexedDB. */
  flush(): Promise<void> {
    if (this.next) return this.next;
    const run = this.tail
      .catch(() => {})
      .then(() => {
        // From here on, new writes need another run: this one may not include them.
        this.next = null;
        return this.persist();
      });
    this.next = run;
    this.tail = run;
    return run;
  }

  /** Persists soon, for writes nobody waits on (pulled data): one run per burst. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush().catch(() => {}), this.idleMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}
