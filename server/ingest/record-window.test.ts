import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_AHEAD_MS, splitByWindow } from './record-window.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const DAY = 86_400_000;

describe('splitByWindow', () => {
  it('keeps what is within the retention and at most a day ahead, refusing the rest by line', () => {
    const items = [NOW - 7 * DAY + 1, NOW - 7 * DAY - 1, NOW + MAX_CLOCK_AHEAD_MS, NOW + MAX_CLOCK_AHEAD_MS + 1, 1e20].map((at, i) => ({ line: i + 1, at, id: `c${i + 1}` }));
    const { kept, refused } = splitByWindow(items, { now: NOW, retentionDays: 7 }, { field: 'at', time: (i) => i.at, callId: (i) => i.id });
    expect(kept.map((k) => k.line)).toEqual([1, 3]);
    expect(refused).toEqual([
      { line: 2, callId: 'c2', message: 'at: Older than the 7-day retention' },
      { line: 4, callId: 'c4', message: 'at: More than a day in the future; check the switch clock' },
      { line: 5, callId: 'c5', message: 'at: More than a day in the future; check the switch clock' },
    ]);
  });
});
