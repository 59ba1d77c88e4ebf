/**
 * Repeated changes between states of a grid (views, filters, sorts), timed to the first
 * paint of their rows (rows-in-page.ts), the same way for our grid and for AG Grid.
 */

/** Moves one page's grid to a state. */
export interface ShapeDriver<S> {
  /** Identifies a state (its URL, its options). */
  key(state: S): string;
  /** Goes to `state` (if not there already) and resolves with its first rows once settled. */
  settle(state: S): Promise<string>;
  /** Goes to `state`, timed until the first paint of `expected` rows. */
  time(state: S, expected: string): Promise<number>;
  /** Resolves once the page is idle. */
  quiet(): Promise<void>;
}

/** One change of a cycle; untimed ones bring the grid back to where the next timed one starts. */
export interface ShapeStep<S> {
  to: S;
  timed: boolean;
}

/**
 * From `start`, goes through `cycle` once untimed (a warm-up that also learns each state's
 * settled rows and checks that every change changes them), then again and again until
 * `runs` timed changes are measured. Every change, timed or not, ends on a quiet page.
 */
export async function timeShapes<S>(driver: ShapeDriver<S>, start: S, cycle: readonly ShapeStep<S>[], runs: number): Promise<number[]> {
  if (driver.key(cycle.at(-1)!.to) !== driver.key(start)) throw new Error('A cycle of changes ends where it starts');
  const rows = new Map<string, string>([[driver.key(start), await driver.settle(start)]]);
  await driver.quiet();
  let previous = rows.get(driver.key(start))!;
  for (const step of cycle) {
    const settled = await driver.settle(step.to).catch((e: unknown) => {
      throw new Error(`Going to ${driver.key(step.to)}: ${String(e)}`);
    });
    if (settled === previous) throw new Error(`Going to ${driver.key(step.to)} does not change the first rows`);
    rows.set(driver.key(step.to), settled);
    previous = settled;
    await driver.quiet();
  }
  const out: number[] = [];
  for (let i = 0; out.length < runs; i++) {
    const step = cycle[i % cycle.length]!;
    const ms = await driver.time(step.to, rows.get(driver.key(step.to))!);
    if (step.timed) out.push(ms);
    await driver.quiet();
  }
  return out;
}
