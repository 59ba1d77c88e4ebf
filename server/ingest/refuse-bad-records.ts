import { describeDataError, isDataError, sqlState } from '../db/db-errors.js';
import { retryTransient } from '../db/retry-transient.js';

/** How the results of storing parts of a batch combine, and what a refused record gives. */
export interface PartResults<T, R> {
  add(a: R, b: R): R;
  refuse(item: T, reason: string): R;
}

/**
 * Pieces a refused part is split into. Each failed try redoes the work of its part:
 * halving would redo a batch with one bad record about twice over (n + n/2 + n/4...),
 * eighths about 1.14 times (in ~40 transactions for 50,000 records), and a batch with a
 * few bad records spread out fails whole only once instead of at each of several halvings.
 */
const SPLIT = 8;

/**
 * Isolating stops once the database has refused this many records one by one with
 * nothing stored between them: a run like that is what a bug or a broken column looks
 * like (every part fails), not a few odd values. Without it, a 50,000-record batch that
 * fails everywhere took ~57,000 transactions per request, and the switch resends it.
 */
export const MAX_REFUSED_IN_A_ROW = 20;

/** Isolating also stops once the database has refused this share of the batch one by one (at least `MAX_REFUSED_IN_A_ROW`). */
export const MAX_REFUSED_SHARE = 0.01;

/**
 * Stores `items` with `store` (one transaction per call) so that nothing inside one record
 * can fail the others, whatever validation did not foresee:
 *
 * - A transient database error (connection lost, deadlock...) is retried with
 *   `retryTransient`. `store` must be safe to repeat: a record a lost commit did store is
 *   found stored and counts as a duplicate.
 * - When the database refuses a value (SQLSTATE class 22 or 23), the part is split in
 *   `SPLIT` and each piece stored in its own transaction, recursively, down to single
 *   records; a record refused on its own is reported with `describeDataError`. Since
 *   every piece commits or not as a whole, the good records end as if they had been sent
 *   without the bad ones. The log gets one line per call, not one per record.
 * - Isolating is bounded (`MAX_REFUSED_IN_A_ROW`, `MAX_REFUSED_SHARE`). Past the bound,
 *   the parts not tried yet are still tried whole, so clean ones are stored; a part that
 *   fails is no longer split, and at the end the last refusal is thrown: the request
 *   fails (500) and the sender sends the batch again later. Refusing the unresolved
 *   records instead would answer 200 for records nobody proved bad: if the cause is ours
 *   (a broken column, a schema that lets a value through that the database refuses), the
 *   switch would drop good call records for good. Thrown, they stay with the switch until
 *   the cause is fixed; what was stored meanwhile counts as duplicates on the resend, so
 *   nothing is stored twice and nothing acknowledged is lost.
 *
 * A clean batch is one transaction, as before; splitting starts only after a refusal.
 * `what` names the items in the log ("call records").
 */
export async function storeRefusingBadRecords<T extends { line: number }, R>(
  items: readonly T[],
  store: (part: readonly T[]) => Promise<R>,
  results: PartResults<T, R>,
  what: string,
): Promise<R> {
  const limit = Math.max(MAX_REFUSED_IN_A_ROW, Math.ceil(items.length * MAX_REFUSED_SHARE));
  let refused = 0;
  let inARow = 0;
  let firstRefusal: { line: number; error: unknown } | undefined;
  let lastRefusal: unknown;
  let stopped = false;
  let unresolved = 0;

  /** The part's result; undefined when it failed after isolating stopped (left unresolved). */
  const attempt = async (part: readonly T[]): Promise<R | undefined> => {
    try {
      const result = await retryTransient(() => store(part), { onRetry: (error, n) => console.warn(`Ingest: retrying after a transient database error (try ${n}): ${String(error)}`) });
      inARow = 0;
      return result;
    } catch (error) {
      if (!isDataError(error)) throw error;
      lastRefusal = error;
      if (stopped) {
        unresolved += part.length;
        return undefined;
      }
      if (part.length === 1) {
        refused += 1;
        inARow += 1;
        firstRefusal ??= { line: part[0]!.line, error };
        stopped = inARow >= MAX_REFUSED_IN_A_ROW || refused >= limit;
        return results.refuse(part[0]!, describeDataError(error));
      }
      const size = Math.ceil(part.length / SPLIT);
      let combined: R | undefined;
      for (let from = 0; from < part.length; from += size) {
        const result = await attempt(part.slice(from, from + size));
        if (result !== undefined) combined = combined === undefined ? result : results.add(combined, result);
      }
      return combined;
    }
  };

  const result = await attempt(items);
  if (firstRefusal) {
    // Validation should have refused these: the line says what to teach the schema.
    const first = `first: line ${firstRefusal.line}, SQLSTATE ${sqlState(firstRefusal.error)}: ${String(firstRefusal.error)}`;
    const summary = `Ingest: the database refused ${refused} of ${items.length} ${what} one by one (${first})`;
    if (unresolved === 0) console.warn(summary);
    else console.error(`${summary}; isolating stopped there, ${unresolved} more were left unstored and the request fails so that the sender sends it again`);
  }
  if (unresolved > 0 || result === undefined) throw lastRefusal;
  return result;
}
