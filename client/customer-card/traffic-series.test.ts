import { describe, expect, it } from 'vitest';
import { ZERO_SUMS } from '../../shared/metrics.js';
import type { TrafficHistory, TrafficPoint } from '../../shared/traffic-history.js';
import { bucketLabelFormat, chartRows, hasIsolatedValues, hasValues } from './traffic-series.js';

const FROM = Date.UTC(2026, 10, 26, 11, 0);
const MIN = 60_000;

function point(minute: number, p: Partial<TrafficPoint>): TrafficPoint {
  return { ...ZERO_SUMS, t: FROM + minute * MIN, cpsPeak: 0, channelsPeak: 0, ...p };
}

function history(points: TrafficPoint[], credit: TrafficHistory['credit'] = [], minutes = 5): TrafficHistory {
  return {
    from: new Date(FROM).toISOString(),
    to: new Date(FROM + minutes * MIN).toISOString(),
    bucketSeconds: 60,
    points,
    credit,
    totals: ZERO_SUMS,
  };
}

describe('chart rows', () => {
  it('has one row per bucket, missing buckets being zero traffic and no ratio', () => {
    const rows = chartRows(history([point(1, { attempts: 4, answered: 1, talkMs: 90_000, pddSumMs: 6_000, pddCount: 3, channelsPeak: 2 })]));
    expect(rows.map((r) => r.t)).toEqual([0, 1, 2, 3, 4].map((m) => FROM + m * MIN));
    expect(rows.map((r) => r.attempts)).toEqual([0, 4, 0, 0, 0]);
    expect(rows.map((r) => r.channels)).toEqual([0, 2, 0, 0, 0]);
    expect(rows.map((r) => r.asr)).toEqual([null, 25, null, null, null]);
    expect(rows[1]).toMatchObject({ acd: 90, pdd: 2 });
    expect(rows[0]).toMatchObject({ acd: null, pdd: null });
  });

  it('computes each ratio from the bucket’s sums with the shared formulas', () => {
    // ACD over answered calls only; PDD over the calls that have one; no ASR without attempts.
    const rows = chartRows(
      history([
        point(0, { attempts: 3, answered: 2, talkMs: 100_000, pddSumMs: 3_000, pddCount: 1 }),
        point(2, { attempts: 2, answered: 0, busy: 2 }),
        point(3, { attempts: 0, channelsPeak: 1 }),
      ]),
    );
    expect(rows[0]!.asr).toBeCloseTo(66.667, 2);
    expect(rows[0]).toMatchObject({ acd: 50, pdd: 3 });
    expect(rows[2]).toMatchObject({ asr: 0, acd: null, pdd: null });
    expect(rows[3]).toMatchObject({ asr: null, channels: 1, attempts: 0 });
  });

  it('places points of wider buckets by their start', () => {
    const h: TrafficHistory = { ...history([], [], 0), to: new Date(FROM + 60 * MIN).toISOString(), bucketSeconds: 600, points: [point(20, { attempts: 7 })] };
    const rows = chartRows(h);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.attempts)).toEqual([0, 0, 7, 0, 0, 0]);
  });

  it('steps the credit: the balance known by each bucket’s start, none before the first entry', () => {
    const rows = chartRows(
      history([], [
        { t: FROM + MIN, balance: '100.00' },
        { t: FROM + 3 * MIN, balance: '75.5000' },
      ]),
    );
    expect(rows.map((r) => r.credit)).toEqual([null, 100, 100, 75.5, 75.5]);
    const opening = chartRows(history([], [{ t: FROM, balance: '-2.00' }]));
    expect(opening.map((r) => r.credit)).toEqual([-2, -2, -2, -2, -2]);
  });

  it('gives nothing for a malformed range instead of looping', () => {
    expect(chartRows({ ...history([]), bucketSeconds: 0 })).toEqual([]);
    expect(chartRows({ ...history([]), from: 'nonsense' })).toEqual([]);
    expect(chartRows({ ...history([]), to: new Date(FROM).toISOString() })).toEqual([]);
  });

  it('an empty window is all zero counts and no values', () => {
    const rows = chartRows(history([]));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.attempts === 0 && r.channels === 0)).toBe(true);
    expect(hasValues(rows, 'asr') || hasValues(rows, 'acd') || hasValues(rows, 'pdd') || hasValues(rows, 'credit')).toBe(false);
  });

  it('labels buckets with the time of day, adding the date beyond a day and a half', () => {
    expect(chartRows(history([]))[0]!.label).toMatch(/^\d\d:\d\d$/);
    expect(bucketLabelFormat(86_400_000)).toBe('HH:mm');
    expect(bucketLabelFormat(7 * 86_400_000)).toBe('D MMM HH:mm');
  });

  it('finds values a line alone would not show', () => {
    const rows = chartRows(history([point(1, { attempts: 1, answered: 1 }), point(3, { attempts: 1 }), point(4, { attempts: 1 })]));
    expect(hasIsolatedValues(rows, 'asr')).toBe(true);
    const joined = chartRows(history([point(3, { attempts: 1 }), point(4, { attempts: 1 })]));
    expect(hasIsolatedValues(joined, 'asr')).toBe(false);
  });
});
