import { describe, expect, it } from 'vitest';
import { PersistQueue } from './persist-queue.js';

/** A persist() whose runs the test finishes by hand, recording overlap. */
function controlledPersist() {
  const runs: Array<() => void> = [];
  let active = 0;
  let overlapped = false;
  const persist = () =>
    new Promise<void>((resolve) => {
      active++;
      if (active > 1) overlapped = true;
      runs.push(() => {
        active--;
        resolve();
      });
    });
  return { persist, runs, overlapped: () => overlapped };
}

const tick = () => new Promise<void>((r) => queueMicrotask(r));
async function settle() {
  for (let i = 0; i < 10; i++) await tick();
}

describe('PersistQueue', () => {
  it('never runs persist twice at once and runs again for writes made during a run', async () => {
    const p = controlledPersist();
    const q = new PersistQueue(p.persist);
    const first = q.flush();
    await settle();
    expect(p.runs).toHaveLength(1);
    const second = q.flush();
    const third = q.flush();
    expect(second).toBe(third);
    await settle();
    expect(p.runs).toHaveLength(1);
    p.runs[0]!();
    await first;
    await settle();
    expect(p.runs).toHaveLength(2);
    p.runs[1]!();
    await second;
    expect(p.overlapped()).toBe(false);
  });

  it('keeps going after a failed run', async () => {
    let calls = 0;
    const q = new PersistQueue(async () => {
      calls++;
      if (calls === 1) throw new Error('quota');
    });
    await expect(q.flush()).rejects.toThrow('quota');
    await expect(q.flush()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
