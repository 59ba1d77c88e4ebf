import { describe, expect, it } from 'vitest';
import { isAttempt, nerClass, postDialDelayMs, talkTimeMs, type CallFacts } from './call-outcome.js';
import { acdSeconds, addSums, asrPercent, nerPercent, pddSeconds, sumsOfCall, sumsToTuple, tupleToSums, ZERO_SUMS, type TrafficSums } from './metrics.js';

const T = Date.UTC(2026, 10, 26, 10, 0, 0);
const call = (over: Partial<CallFacts>): CallFacts => ({ sipCode: 200, startedAt: T, endedAt: T + 60_000, ...over });
const sumOf = (calls: CallFacts[]): TrafficSums => calls.map(sumsOfCall).reduce(addSums, ZERO_SUMS);

describe('metric formulas', () => {
  it('show "-" (undefined), never 0% or NaN, when there are no attempts', () => {
    expect(asrPercent(ZERO_SUMS)).toBeUndefined();
    expect(acdSeconds(ZERO_SUMS)).toBeUndefined();
    expect(pddSeconds(ZERO_SUMS)).toBeUndefined();
    expect(nerPercent(ZERO_SUMS)).toBeUndefined();
  });

  it('ACD divides talk time by answered calls only, not by all calls', () => {
    const s = sumOf([
      call({ answeredAt: T + 5000, endedAt: T + 65_000 }),
      call({ answeredAt: T + 5000, endedAt: T + 245_000 }),
      call({ sipCode: 486, endedAt: T + 3000 }),
      call({ sipCode: 503, endedAt: T + 1000 }),
    ]);
    expect(acdSeconds(s)).toBe(150);
    expect(asrPercent(s)).toBe(50);
  });

  it('ACD is "-" when attempts exist but none was answered', () => {
    const s = sumOf([call({ sipCode: 480 }), call({ sipCode: 503 })]);
    expect(asrPercent(s)).toBe(0);
    expect(acdSeconds(s)).toBeUndefined();
  });

  it('prefers the switch-measured duration to answer-to-end', () => {
    expect(talkTimeMs(call({ answeredAt: T + 1000, durationMs: 42_000 }))).toBe(42_000);
    expect(talkTimeMs(call({ sipCode: 486, durationMs: 42_000 }))).toBe(0);
  });

  it('averages PDD over the calls that have one: ringing, a reported PDD, or a failure without ringing', () => {
    expect(postDialDelayMs(call({ ringingAt: T + 3000 }))).toBe(3000);
    expect(postDialDelayMs(call({ ringingAt: T + 3000, pddMs: 2500 }))).toBe(2500);
    expect(postDialDelayMs(call({ sipCode: 503, endedAt: T + 8000 }))).toBe(8000);
    // Answered without any ringing: no PDD, left out of the average rather than counted as zero.
    expect(postDialDelayMs(call({ answeredAt: T + 4000 }))).toBeUndefined();
    const s = sumOf([call({ ringingAt: T + 2000 }), call({ ringingAt: T + 4000 }), call({ answeredAt: T + 1000 })]);
    expect(s.pddCount).toBe(2);
    expect(pddSeconds(s)).toBe(3);
  });

  it('excludes 3xx redirects from attempts and from every figure', () => {
    expect(isAttempt(302)).toBe(false);
    expect(isAttempt(399)).toBe(false);
    expect(isAttempt(404)).toBe(true);
    expect(sumsOfCall(call({ sipCode: 302, ringingAt: T + 1000 }))).toEqual(ZERO_SUMS);
    const s = sumOf([call({ sipCode: 301 }), call({ answeredAt: T + 1000 })]);
    expect(s.attempts).toBe(1);
    expect(asrPercent(s)).toBe(100);
  });

  it('NER counts answered, busy (486, 600), no answer (480, 408) and rejected (603, 403) as the network working', () => {
    expect([200, 486, 600, 480, 408, 603, 403, 503, 404, 500].map(nerClass)).toEqual([
      'answered',
      'busy',
      'busy',
      'no_answer',
      'no_answer',
      'rejected',
      'rejected',
      'failed',
      'failed',
      'failed',
    ]);
    const s = sumOf([200, 486, 480, 603, 503].map((sipCode) => call({ sipCode })));
    expect(nerPercent(s)).toBe(80);
    expect(asrPercent(s)).toBe(20);
  });

  it('group figures are weighted by attempts, never the average of per-customer ratios', () => {
    const big = sumOf(Array.from({ length: 100 }, (_, i) => call({ sipCode: i < 60 ? 200 : 503 })));
    const small = sumOf([call({ sipCode: 503 }), call({ sipCode: 503 })]);
    expect(asrPercent(addSums(big, small))).toBeCloseTo((60 / 102) * 100, 10);
  });

  it('round-trips sums through the compact synced tuple', () => {
    const s = sumOf([call({ ringingAt: T + 1000, answeredAt: T + 2000 }), call({ sipCode: 486 })]);
    expect(tupleToSums(sumsToTuple(s))).toEqual(s);
  });
});
