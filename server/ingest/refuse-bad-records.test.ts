import postgres from 'postgres';
import { describe, expect, it, vi } from 'vitest';
import { storeRefusingBadRecords } from './refuse-bad-records.js';

/** A server error as postgres.js builds it from an ErrorResponse. */
function serverError(code: string): postgres.PostgresError {
  const PgError = postgres.PostgresError as unknown as new (x: Record<string, string>) => postgres.PostgresError;
  return new PgError({ code, message: `error ${code}` });
}

interface Item {
  line: number;
  bad?: boolean;
}
interface Result {
  stored: number[];
  refused: { line: number; reason: string }[];
}

/** Storing that refuses any part holding a bad item, as one transaction would; it counts its tries. */
function store(failWith = serverError('22021')) {
  const tries: number[] = [];
  const fn = async (part: readonly Item[]): Promise<Result> => {
    tries.push(part.length);
    if (part.some((i) => i.bad)) throw failWith;
    return { stored: part.map((i) => i.line), refused: [] };
  };
  return { fn, tries };
}
const results = {
  add: (a: Result, b: Result): Result => ({ stored: [...a.stored, ...b.stored], refused: [...a.refused, ...b.refused] }),
  refuse: (item: Item, reason: string): Result => ({ stored: [], refused: [{ line: item.line, reason }] }),
};
const items = (n: number, bad: number[] = []) => Array.from({ length: n }, (_, i) => ({ line: i + 1, bad: bad.includes(i + 1) }));

describe('storeRefusingBadRecords', () => {
  it('stores a clean batch in one try', async () => {
    const s = store();
    expect(await storeRefusingBadRecords(items(1000), s.fn, results)).toEqual({ stored: items(1000).map((i) => i.line), refused: [] });
    expect(s.tries).toEqual([1000]);
  });

  it('refuses only the records the database refuses, storing every other one once, in order', async () => {
    const s = store();
    const result = await storeRefusingBadRecords(items(50_000, [1, 777, 25_000, 50_000]), s.fn, results);
    expect(result.refused).toEqual([1, 777, 25_000, 50_000].map((line) => ({ line, reason: 'A text contains a character that cannot be stored (such as a NUL character).' })));
    expect(result.stored).toEqual(items(50_000).map((i) => i.line).filter((l) => ![1, 777, 25_000, 50_000].includes(l)));
    // Work redone by failed tries stays within a small multiple of the batch.
    const failedWork = s.tries.reduce((sum, n) => sum + n, 0) - result.stored.length;
    expect(failedWork).toBeLessThan(2 * 50_000);
  });

  it('retries transient errors and passes on errors that are not about the data', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    const flaky = async (part: readonly Item[]): Promise<Result> => {
      if (++calls === 1) throw serverError('40P01');
      return { stored: part.map((i) => i.line), refused: [] };
    };
    expect(await storeRefusingBadRecords(items(3), flaky, results)).toEqual({ stored: [1, 2, 3], refused: [] });
    expect(calls).toBe(2);
    const bug = new TypeError('bug');
    await expect(storeRefusingBadRecords(items(3, [2]), store(bug as never).fn, results)).rejects.toBe(bug);
  });
});
