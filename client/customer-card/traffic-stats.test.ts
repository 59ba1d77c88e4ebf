import { describe, expect, it } from 'vitest';
import { ZERO_SUMS, type TrafficSums } from '../../shared/metrics.js';
import type { TrafficHistory, TrafficPoint } from '../../shared/traffic-history.js';
import { trafficStats } from './traffic-stats.js';

function history(totals: TrafficSums, points: Partial<TrafficPoint>[] = []): TrafficHistory {
  return {
    from: '2026-11-26T11:00:00.000Z',
    to: '2026-11-26T12:00:00.000Z',
    bucketSeconds: 60,
    points: points.map((p, i) => ({ ...ZERO_SUMS, t: i, cpsPeak: 0, channelsPeak: 0, ...p })),
    credit: [],
    totals,
  };
}

const byLabel = (h: TrafficHistory | undefined) => Object.fromEntries(trafficStats(h).map((s) => [s.label, s.value]));

describe('traffic figures', () => {
  it('shows "-" for every figure without attempts or data, never 0% or NaN', () => {
    const dashes = { Attempts: '-', Answered: '-', ASR: '-', NER: '-', ACD: '-', 'Avg PDD': '-', 'Peak CPS': '-', 'Peak channels': '-' };
    expect(byLabel(undefined)).toEqual(dashes);
    expect(byLabel(history(ZERO_SUMS))).toEqual(dashes);
  });

  it('formats the window’s totals with the shared formulas', () => {
    const totals: TrafficSums = { attempts: 1234, answered: 617, talkMs: 617 * 125_000, pddSumMs: 2_500 * 1000, pddCount: 1000, busy: 100, noAnswer: 200, rejected: 17, };
    const points = [{ cpsPeak: 3, channelsPeak: 12 }, { cpsPeak: 9, channelsPeak: 4 }];
    expect(byLabel(history(totals, points))).toEqual({
      Attempts: '1,234',
      Answered: '617',
      ASR: '50%',
      NER: '76%',
      ACD: '2:05',
      'Avg PDD': '2.5 s',
      'Peak CPS': '9',
      'Peak channels': '12',
    });
  });

  it('gives ACD over answered calls only and "-" when none was answered', () => {
    const v = byLabel(history({ ...ZERO_SUMS, attempts: 10, answered: 0, busy: 10 }, [{ cpsPeak: 1 }]));
    expect(v).toMatchObject({ Attempts: '10', ASR: '0%', NER: '100%', ACD: '-', 'Avg PDD': '-', 'Peak CPS': '1', 'Peak channels': '0' });
  });

  it('explains the figures whose names could mislead', () => {
    expect(trafficStats(undefined).find((s) => s.label === 'ACD')?.hint).toMatch(/answered calls only/);
  });
});
