/**
 * How one finished call counts in the key metrics (see the metric definitions in the
 * README): which calls are attempts, which are answered, which NER class a failure is
 * in, and what its post-dial delay was. Client, server and tests share these rules.
 */

/** The facts of a call record the metrics read. Times are epoch milliseconds. */
export interface CallFacts {
  sipCode: number;
  startedAt: number;
  ringingAt?: number | undefined;
  answeredAt?: number | undefined;
  endedAt: number;
  /** Post-dial delay as the switch measured it; wins over `ringingAt`. */
  pddMs?: number | undefined;
  /** Talk time of an answered call as the switch measured it; else answer to end. */
  durationMs?: number | undefined;
}

/** The outcome classes that network effectiveness (NER) counts as "the network worked". */
export type NerClass = 'answered' | 'busy' | 'no_answer' | 'rejected' | 'failed';

const BUSY = new Set([486, 600]);
const NO_ANSWER = new Set([480, 408]);
const REJECTED = new Set([603, 403]);

/** A final response that counts as an attempt: anything but a 3xx redirect. */
export const isAttempt = (sipCode: number): boolean => sipCode < 300 || sipCode >= 400;

/** Answered means a final 200 OK. */
export const isAnswered = (sipCode: number): boolean => sipCode === 200;

export function nerClass(sipCode: number): NerClass {
  if (isAnswered(sipCode)) return 'answered';
  if (BUSY.has(sipCode)) return 'busy';
  if (NO_ANSWER.has(sipCode)) return 'no_answer';
  if (REJECTED.has(sipCode)) return 'rejected';
  return 'failed';
}

/**
 * Post-dial delay: INVITE to first ringing (180/183), or to the final response of a call
 * that failed without ringing. An answered call that never rang has none (it is left out
 * of the average rather than counted as its answer time).
 */
export function postDialDelayMs(call: CallFacts): number | undefined {
  if (call.pddMs !== undefined) return call.pddMs;
  if (call.ringingAt !== undefined) return Math.max(0, call.ringingAt - call.startedAt);
  if (!isAnswered(call.sipCode) && isAttempt(call.sipCode)) return Math.max(0, call.endedAt - call.startedAt);
  return undefined;
}

/** Talk time of an answered call (0 for any other). */
export function talkTimeMs(call: CallFacts): number {
  if (!isAnswered(call.sipCode)) return 0;
  if (call.durationMs !== undefined) return call.durationMs;
  return call.answeredAt === undefined ? 0 : Math.max(0, call.endedAt - call.answeredAt);
}
