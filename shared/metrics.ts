import { z } from 'zod';
import { isAnswered, isAttempt, nerClass, postDialDelayMs, talkTimeMs, type CallFacts } from './call-outcome.js';

/**
 * Additive traffic counters: what per-minute rollups store and what a window sums. Every
 * ratio is computed from sums (never averaged), so a window, a group of customers or a
 * pivot cell gets the weighted figure: group ASR = sum(answered) / sum(attempts).
 */
export interface TrafficSums {
  attempts: number;
  answered: number;
  talkMs: number;
  pddSumMs: number;
  pddCount: number;
  busy: number;
  noAnswer: number;
  rejected: number;
}

export const ZERO_SUMS: TrafficSums = { attempts: 0, answered: 0, talkMs: 0, pddSumMs: 0, pddCount: 0, busy: 0, noAnswer: 0, rejected: 0 };

export function addSums(a: TrafficSums, b: TrafficSums): TrafficSums {
  return {
    attempts: a.attempts + b.attempts,
    answered: a.answered + b.answered,
    talkMs: a.talkMs + b.talkMs,
    pddSumMs: a.pddSumMs + b.pddSumMs,
    pddCount: a.pddCount + b.pddCount,
    busy: a.busy + b.busy,
    noAnswer: a.noAnswer + b.noAnswer,
    rejected: a.rejected + b.rejected,
  };
}

/** What one finished call adds to the sums (a 3xx redirect adds nothing). */
export function sumsOfCall(call: CallFacts): TrafficSums {
  if (!isAttempt(call.sipCode)) return ZERO_SUMS;
  const pdd = postDialDelayMs(call);
  const cls = nerClass(call.sipCode);
  return {
    attempts: 1,
    answered: isAnswered(call.sipCode) ? 1 : 0,
    talkMs: talkTimeMs(call),
    pddSumMs: pdd ?? 0,
    pddCount: pdd === undefined ? 0 : 1,
    busy: cls === 'busy' ? 1 : 0,
    noAnswer: cls === 'no_answer' ? 1 : 0,
    rejected: cls === 'rejected' ? 1 : 0,
  };
}

/** Answer-seizure ratio in percent; undefined ("-") without attempts, never 0% or NaN. */
export const asrPercent = (s: TrafficSums): number | undefined => (s.attempts > 0 ? (100 * s.answered) / s.attempts : undefined);

/** Average call duration in seconds over answered calls only (not over all calls). */
export const acdSeconds = (s: TrafficSums): number | undefined => (s.answered > 0 ? s.talkMs / 1000 / s.answered : undefined);

/** Average post-dial delay in seconds over the calls that have one. */
export const pddSeconds = (s: TrafficSums): number | undefined => (s.pddCount > 0 ? s.pddSumMs / 1000 / s.pddCount : undefined);

/** Network effectiveness in percent: answered, busy, no answer and rejected are the network working. */
export const nerPercent = (s: TrafficSums): number | undefined =>
  s.attempts > 0 ? (100 * (s.answered + s.busy + s.noAnswer + s.rejected)) / s.attempts : undefined;

/** ASR is coloured (good/poor) only from this many attempts: fewer say nothing. */
export const MIN_ATTEMPTS_FOR_ASR = 20;

/** Sums as a compact tuple for the synced entry: 100,000 customers pay for every byte. */
export type SumsTuple = [number, number, number, number, number, number, number, number];

export const sumsToTuple = (s: TrafficSums): SumsTuple => [s.attempts, s.answered, s.talkMs, s.pddSumMs, s.pddCount, s.busy, s.noAnswer, s.rejected];

export const tupleToSums = ([attempts, answered, talkMs, pddSumMs, pddCount, busy, noAnswer, rejected]: SumsTuple): TrafficSums => ({
  attempts,
  answered,
  talkMs,
  pddSumMs,
  pddCount,
  busy,
  noAnswer,
  rejected,
});

const count = z.number().int().nonnegative();

/**
 * One customer's live figures, synced under `m/<customerId>` and refreshed by the server
 * every few seconds while they change. Keys are short on purpose.
 */
export const customerMetricsSchema = z.object({
  /** Sums over the last hour and the last 24 hours. */
  h1: z.tuple([count, count, count, count, count, count, count, count]),
  h24: z.tuple([count, count, count, count, count, count, count, count]),
  /** New attempts per second now (last 10 s) and the highest one-second count in the last hour. */
  cps: z.number().nonnegative(),
  cpsPeak: count,
  /** Calls up now, counted from call start. */
  ch: count,
  /** Start of the customer's latest call, epoch ms; absent when it never called. */
  last: z.number().int().optional(),
  /** When the server computed these, epoch ms. */
  at: z.number().int(),
});
export type CustomerMetrics = z.infer<typeof customerMetricsSchema>;

/** Seconds over which "CPS now" is averaged. */
export const CPS_WINDOW_SECONDS = 10;
