import type { CallEventType } from '../../shared/call-event.js';
import { fromMinor } from '../../shared/money.js';
import { SeededRandom } from '../../server/sample-data/seeded-random.js';
import type { AttemptCode, Range, TrafficProfile } from './traffic-profiles.js';

/**
 * Calls as a switch would report them, from a seeded generator: the same seed gives the
 * same calls. A call is first planned in real durations (post-dial delay, ringing, talk),
 * then placed on the wall clock with its talk time compressed by `speed`, so a
 * five-minute call is over in thirty seconds at `--speed 10` while its record still says
 * five minutes.
 */

/** What a call is about to do, in real (uncompressed) milliseconds. */
export interface CallPlan {
  callId: string;
  customerId: string;
  currency: string;
  sipCode: number;
  sipReason: string;
  releaseCause: string;
  /** INVITE to first ringing, or to the final response (or answer) of a call that never rang. */
  pddMs: number;
  rang: boolean;
  /** Ringing until answer or final response; 0 when it never rang. */
  ringMs: number;
  /** Talk time; 0 unless answered. */
  talkMs: number;
  cli: string;
  destination: string;
  destinationName: string;
  ratePerMinute: number;
}

/** Who the call is for and how that customer's calls behave. */
export interface CallTarget {
  customer: { id: string; currency: string };
  profile: TrafficProfile;
  ratePerMinute: number;
}

/** A state change of a live call at a wall-clock time (epoch ms). */
export interface TimedEvent {
  type: CallEventType;
  at: number;
}

/** A plan placed on the wall clock: the events to send as they fall due, and the end. */
export interface ScheduledCall {
  plan: CallPlan;
  startMs: number;
  speed: number;
  events: TimedEvent[];
  endMs: number;
}

/** One element of the body of POST /api/ingest/events. */
export interface CallEventInput {
  callId: string;
  customerId: string;
  type: CallEventType;
  at: string;
}

/** One element of the body of POST /api/ingest/cdrs (see shared/cdr.ts). */
export interface CdrRecord {
  callId: string;
  customerId: string;
  startedAt: string;
  ringingAt?: string;
  answeredAt?: string;
  endedAt: string;
  duration?: number;
  billedSeconds: number;
  sipCode: number;
  sipReason: string;
  releaseCause: string;
  cli: string;
  destination: string;
  destinationName: string;
  rate: number;
  charge: string;
  currency: string;
}

const REASONS: Record<number, [sipReason: string, releaseCause: string]> = {
  200: ['OK', '16 Normal call clearing'],
  301: ['Moved Permanently', '23 Redirection to new destination'],
  302: ['Moved Temporarily', '23 Redirection to new destination'],
  480: ['Temporarily Unavailable', '19 No answer from user'],
  486: ['Busy Here', '17 User busy'],
  487: ['Request Terminated', '16 Normal call clearing'],
  502: ['Bad Gateway', '38 Network out of order'],
  503: ['Service Unavailable', '34 No circuit/channel available'],
  603: ['Decline', '21 Call rejected'],
};

/** Where calls go. Numbers use ranges set aside for drama and examples where a country has one. */
const DESTINATIONS: { name: string; weight: number; number: (rng: SeededRandom) => string }[] = [
  { name: 'United Kingdom - Mobile', weight: 18, number: (r) => `447700900${digits(r, 3)}` },
  { name: 'United Kingdom - London', weight: 8, number: (r) => `442079460${digits(r, 3)}` },
  { name: 'United States', weight: 22, number: (r) => `1${r.pick(['202', '212', '305', '312', '415', '512', '713'])}55501${digits(r, 2)}` },
  { name: 'Australia - Mobile', weight: 4, number: (r) => `61491570${digits(r, 3)}` },
  { name: 'Germany - Mobile', weight: 9, number: (r) => `49${r.pick(['151', '160', '170', '176'])}${digits(r, 8)}` },
  { name: 'France - Mobile', weight: 8, number: (r) => `33${r.pick(['6', '7'])}${digits(r, 8)}` },
  { name: 'Spain - Mobile', weight: 5, number: (r) => `346${digits(r, 8)}` },
  { name: 'Mexico - Mexico City', weight: 6, number: (r) => `5255${digits(r, 8)}` },
  { name: 'India - Mobile', weight: 8, number: (r) => `91${r.pick(['98', '97', '99'])}${digits(r, 8)}` },
  { name: 'Nigeria - Mobile', weight: 5, number: (r) => `234${r.pick(['803', '806', '813'])}${digits(r, 7)}` },
  { name: 'Philippines - Mobile', weight: 7, number: (r) => `63${r.pick(['917', '918', '927'])}${digits(r, 7)}` },
];
const DESTINATION_WEIGHTS = Object.fromEntries(DESTINATIONS.map((d, i) => [String(i), d.weight]));

/** Draws call plans for customers. One generator per run; its calls never repeat a call id. */
export class CallGenerator {
  private readonly rng: SeededRandom;
  private count = 0;

  /** `callIdPrefix` keeps call ids of different runs with the same seed apart. */
  constructor(
    seed: string,
    private readonly callIdPrefix = 'sim-',
  ) {
    this.rng = new SeededRandom(`calls:${seed}`);
  }

  next(target: CallTarget): CallPlan {
    const { rng } = this;
    const { profile } = target;
    this.count += 1;
    const sipCode = rng.chance(profile.redirectShare) ? rng.pick([301, 302]) : Number(rng.weighted(profile.outcomes)) as AttemptCode;
    const destination = DESTINATIONS[Number(rng.weighted(DESTINATION_WEIGHTS))]!;
    const [sipReason, releaseCause] = REASONS[sipCode]!;
    let pddMs = secondsToMs(between(rng, profile.pddSeconds));
    let rang = false;
    let ringMs = 0;
    let talkMs = 0;
    if (sipCode === 200) {
      // A few answers come without a 180/183 first; those have no PDD.
      rang = rng.chance(0.95);
      if (rang) ringMs = secondsToMs(between(rng, profile.ringBeforeAnswer));
      talkMs = secondsToMs(logNormal(rng, profile.talkMeanSeconds, profile.talkSigma, profile.talkSeconds));
    } else if (sipCode === 480 || sipCode === 603) {
      rang = true;
      ringMs = secondsToMs(between(rng, sipCode === 480 ? profile.ringBeforeTimeout : profile.ringBeforeAnswer));
    } else if (sipCode < 400) {
      pddMs = rng.int(40, 400);
    }
    return {
      callId: `${this.callIdPrefix}${this.count.toString(36).padStart(6, '0')}-${rng.nextUint32().toString(36)}`,
      customerId: target.customer.id,
      currency: target.customer.currency,
      sipCode,
      sipReason,
      releaseCause,
      pddMs,
      rang,
      ringMs,
      talkMs,
      cli: rng.chance(0.5) ? `447700900${digits(rng, 3)}` : `1${rng.pick(['202', '312', '415'])}55501${digits(rng, 2)}`,
      destination: destination.number(rng),
      destinationName: destination.name,
      ratePerMinute: target.ratePerMinute,
    };
  }
}

/**
 * Places a plan on the wall clock from `startMs`. Set-up (post-dial delay, ringing) runs
 * in real time; talk time is divided by `speed`.
 */
export function scheduleCall(plan: CallPlan, startMs: number, speed: number): ScheduledCall {
  const events: TimedEvent[] = [{ type: 'started', at: startMs }];
  const ringingAt = startMs + plan.pddMs;
  if (plan.rang) events.push({ type: 'ringing', at: ringingAt });
  const setupEnd = ringingAt + plan.ringMs;
  let endMs = setupEnd;
  if (plan.sipCode === 200) {
    events.push({ type: 'answered', at: setupEnd });
    endMs = setupEnd + Math.round(plan.talkMs / speed);
  }
  events.push({ type: 'ended', at: endMs });
  return { plan, startMs, speed, events, endMs };
}

/**
 * The call as if it ended at `atMs` (Ctrl-C): an answered call is cut short, any other
 * is cancelled by the caller (487). Events before `atMs` stay as they were.
 */
export function hangUp(call: ScheduledCall, atMs: number): ScheduledCall {
  if (atMs >= call.endMs) return call;
  const at = Math.max(atMs, call.startMs);
  const answered = call.events.find((e) => e.type === 'answered');
  if (answered && answered.at <= at) {
    return scheduleCall({ ...call.plan, talkMs: Math.round((at - answered.at) * call.speed) }, call.startMs, call.speed);
  }
  const ringing = call.events.find((e) => e.type === 'ringing');
  const rang = ringing !== undefined && ringing.at <= at;
  const [sipReason, releaseCause] = REASONS[487]!;
  const plan: CallPlan = {
    ...call.plan,
    sipCode: 487,
    sipReason,
    releaseCause,
    rang,
    pddMs: rang ? call.plan.pddMs : at - call.startMs,
    ringMs: rang ? at - ringing.at : 0,
    talkMs: 0,
  };
  return scheduleCall(plan, call.startMs, call.speed);
}

/** The body element for one event of a call. */
export function eventInput(call: ScheduledCall, event: TimedEvent): CallEventInput {
  return { callId: call.plan.callId, customerId: call.plan.customerId, type: event.type, at: new Date(event.at).toISOString() };
}

/**
 * The call record, written when the call ends. It ends at the wall-clock end and runs
 * back by the real durations, so no time is in the future and an unanswered call's
 * record matches its events exactly; an answered call's start moves back by the talk
 * time the compression saved.
 */
export function callRecord(call: ScheduledCall): CdrRecord {
  const { plan, endMs } = call;
  const answered = plan.sipCode === 200;
  const startedAt = endMs - plan.talkMs - plan.ringMs - plan.pddMs;
  const ringingAt = startedAt + plan.pddMs;
  const answeredAt = ringingAt + plan.ringMs;
  const billedSeconds = answered ? Math.ceil(plan.talkMs / 1000) : 0;
  const rateMinor = Math.round(plan.ratePerMinute * 10_000);
  const record: CdrRecord = {
    callId: plan.callId,
    customerId: plan.customerId,
    startedAt: iso(startedAt),
    endedAt: iso(endMs),
    billedSeconds,
    sipCode: plan.sipCode,
    sipReason: plan.sipReason,
    releaseCause: plan.releaseCause,
    cli: plan.cli,
    destination: plan.destination,
    destinationName: plan.destinationName,
    rate: rateMinor / 10_000,
    charge: fromMinor(BigInt(Math.round((rateMinor * billedSeconds) / 60))),
    currency: plan.currency,
  };
  if (plan.rang) record.ringingAt = iso(ringingAt);
  if (answered) {
    record.answeredAt = iso(answeredAt);
    record.duration = plan.talkMs / 1000;
  }
  return record;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const secondsToMs = (seconds: number): number => Math.round(seconds * 1000);
const between = (rng: SeededRandom, range: Range): number => range.min + (range.max - range.min) * rng.next();

function digits(rng: SeededRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

/** Log-normal with the given mean (not median), clamped to `range`: most calls short, a few long. */
function logNormal(rng: SeededRandom, mean: number, sigma: number, range: Range): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  const value = Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * normal);
  return Math.min(range.max, Math.max(range.min, value));
}
