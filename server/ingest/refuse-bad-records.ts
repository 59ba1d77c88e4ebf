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
 *   without the bad ones.
 *
 * A clean batch is one transaction, as before; splitting starts only after a refusal.
 */
export async function storeRefusingBadRecords<T extends { line: number }, R>(
  items: readonly T[],
  store: (part: readonly T[]) => Promise<R>,
  results: PartResults<T, R>,
): Promise<R> {
  const attempt = async (part: readonly T[]): Promise<R> => {
    try {
      return await retryTransient(() => store(part), { onRetry: (error, n) => console.warn(`Ingest: retrying after a transient database error (try ${n}): ${String(error)}`) });
    } catch (error) {
      if (!isDataError(error)) throw error;
      if (part.length === 1) {
        // Validation should have refused it: the log says what to teach the schema.
        console.warn(`Ingest: the database refused the record of line ${part[0]!.line} (${sqlState(error)}): ${String(error)}`);
        return results.refuse(part[0]!, describeDataError(error));
      }
      const size = Math.ceil(part.length / SPLIT);
      let result: R = await attempt(part.slice(0, size));
      for (let from = size; from < part.length; from += size) result = results.add(result, await attempt(part.slice(from, from + size)));
      return result;
    }
  };
  return attempt(items);
}
