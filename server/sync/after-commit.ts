/**
 * Work that must only happen once a mutation is committed (email, SMS, web push). A
 * mutator queues it with `afterCommit(fn)`; push runs the queue after the commit and
 * the poke, and drops it when the mutation is rolled back, so a refused change never
 * sends anything.
 */
export type SideEffect = () => void | Promise<void>;

export class AfterCommitQueue {
  private effects: SideEffect[] = [];

  readonly afterCommit = (effect: SideEffect): void => {
    this.effects.push(effect);
  };

  /** Forgets everything queued (the mutation was rolled back). */
  discard(): void {
    this.effects = [];
  }

  /** Moves everything queued here to the end of `target`. */
  moveTo(target: AfterCommitQueue): void {
    target.effects.push(...this.effects);
    this.effects = [];
  }

  get size(): number {
    return this.effects.length;
  }

  /**
   * Runs every effect in order. The data is already committed, so a failing effect is
   * logged and the rest still run; it must not fail the request that caused it.
   */
  async run(): Promise<void> {
    const effects = this.effects;
    this.effects = [];
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        console.error('A side effect failed after commit', error);
      }
    }
  }
}
