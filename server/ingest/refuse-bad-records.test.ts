import postgres from 'postgres';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_REFUSED_IN_A_ROW, storeRefusingBadRecords } from './refuse-bad-records.js';

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

/** Storing that refuses any part holding a bad item, as one transaction would; it counts its tries and keeps what it stored. */
function store(failWith = serverError('22021')) {
  const tries: number[] = [];
  const stored: number[] = [];
  /** Lines of the bad records tried on their own. */
  const alone: number[] = [];
  const fn = async (part: readonly Item[]): Promise<Result> => {
    tries.push(part.length);
    if (part.length === 1 && part[0]!.bad) alone.push(part[0]!.line);
    if (part.some((i) => i.bad)) throw failWith;
    stored.push(...part.map((i) => i.line));
    return { stored: part.map((i) => i.line), refused: [] };
  };
  return { fn, tries, stored, alone };
}
const results = {
  add: (a: Result, b: Result): Result => ({ stored: [...a.stored, ...b.stored], refused: [...a.refused, ...b.refused] }),
  refuse: (item: Item, reason: string): Result => ({ stored: [], refused: [{ line: item.line, reason }] }),
};
const items = (n: number, bad: number[] = []) => {
  const isBad = new Set(bad);
  return Array.from({ length: n }, (_, i) => ({ line: i + 1, bad: isBad.has(i + 1) }));
};
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const logs = () => ({ warn: vi.spyOn(console, 'warn').mockImplementation(() => {}), error: vi.spyOn(console, 'error').mockImplementation(() => {}) });

describe('storeRefusingBadRecords', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('stores a clean batch in one try', async () => {
    const log = logs();
    const s = store();
    expect(await storeRefusingBadRecords(items(1000), s.fn, results, 'items')).toEqual({ stored: items(1000).map((i) => i.line), refused: [] });
    expect(s.tries).toEqual([1000]);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('refuses only the records the database refuses, storing every other one once, in order, and logs them in one line', async () => {
    const log = logs();
    const s = store();
    const result = await storeRefusingBadRecords(items(50_000, [1, 777, 25_000, 50_000]), s.fn, results, 'items');
    expect(result.refused).toEqual([1, 777, 25_000, 50_000].map((line) => ({ line, reason: 'A text contains a character that cannot be stored (such as a NUL character).' })));
    expect(result.stored).toEqual(items(50_000).map((i) => i.line).filter((l) => ![1, 777, 25_000, 50_000].includes(l)));
    // Work redone by failed tries stays within a small multiple of the batch.
    const failedWork = s.tries.reduce((sum, n) => sum + n, 0) - result.stored.length;
    expect(failedWork).toBeLessThan(2 * 50_000);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toMatch(/^Ingest: the database refused 4 of 50000 items one by one \(first: line 1, SQLSTATE 22021: .*error 22021\)$/);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('stops isolating a batch whose every part fails after a bounded number of tries, and fails it so that it is sent again', async () => {
    const log = logs();
    const broken = serverError('23514');
    const s = store(broken);
    await expect(storeRefusingBadRecords(items(50_000, range(1, 50_000)), s.fn, results, 'items')).rejects.toBe(broken);
    // Down one branch to the first records, MAX_REFUSED_IN_A_ROW of them one by one, then each part left tried once, whole.
    expect(s.alone.slice(0, MAX_REFUSED_IN_A_ROW)).toEqual(range(1, MAX_REFUSED_IN_A_ROW));
    expect(s.alone.length).toBeLessThan(MAX_REFUSED_IN_A_ROW + 5);
    expect(s.tries.length).toBeLessThan(100);
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]![0]).toMatch(/^Ingest: the database refused 20 of 50000 items one by one \(first: line 1, SQLSTATE 23514: .*\); isolating stopped there, 49980 more were left unstored/);
  });

  it('past the bound, still stores the parts that are clean before failing the batch; sent again, it stores nothing twice', async () => {
    logs();
    const bad = range(1, 30);
    const s = store();
    await expect(storeRefusingBadRecords(items(1000, bad), s.fn, results, 'items')).rejects.toMatchObject({ code: '22021' });
    // The first eighth holds the bad run; the other seven are stored whole.
    expect(s.stored.filter((l) => l <= 125 && bad.includes(l))).toEqual([]);
    expect(s.stored.filter((l) => l > 125)).toEqual(range(126, 1000));
    const firstTime = [...s.stored];
    // The sender sends it again: a record stored before is found stored (a duplicate) and nothing else changes.
    const again = store();
    const storeOnce = async (part: readonly Item[]) => again.fn(part.filter((i) => !firstTime.includes(i.line)));
    await expect(storeRefusingBadRecords(items(1000, bad), storeOnce, results, 'items')).rejects.toMatchObject({ code: '22021' });
    expect(again.stored).toEqual([]);
  });

  it('stops isolating once the database has refused a set share of a batch one by one, spread out or not', async () => {
    logs();
    const s = store();
    const everyFiftieth = range(1, 200).map((i) => i * 50);
    await expect(storeRefusingBadRecords(items(10_000, everyFiftieth), s.fn, results, 'items')).rejects.toMatchObject({ code: '22021' });
    // Each bad record alone is followed by a good one stored, so no run: the share bounds it,
    // 1% of 10,000 refused one by one, then no more.
    expect(s.alone.slice(0, 100)).toEqual(everyFiftieth.slice(0, 100));
    expect(s.alone.length).toBeLessThan(105);
    expect(s.tries.length).toBeLessThan(2_000);
  });

  it('retries transient errors and passes on errors that are not about the data', async () => {
    logs();
    let calls = 0;
    const flaky = async (part: readonly Item[]): Promise<Result> => {
      if (++calls === 1) throw serverError('40P01');
      return { stored: part.map((i) => i.line), refused: [] };
    };
    expect(await storeRefusingBadRecords(items(3), flaky, results, 'items')).toEqual({ stored: [1, 2, 3], refused: [] });
    expect(calls).toBe(2);
    const bug = new TypeError('bug');
    await expect(storeRefusingBadRecords(items(3, [2]), store(bug as never).fn, results, 'items')).rejects.toBe(bug);
  });
});
