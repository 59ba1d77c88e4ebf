import type { SeededRandom } from '../../server/sample-data/seeded-random.js';

/**
 * Traffic profiles: how the calls of one kind of customer turn out. Each one makes a
 * different picture on the customer page (a healthy wholesale customer, a bad route, a
 * slow carrier, a call centre, an account running out of money), so a newcomer sees
 * every colour and warning the page can show.
 */

export const PROFILE_NAMES = ['healthy', 'low_asr', 'high_pdd', 'call_centre', 'out_of_credit'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** A closed interval in seconds. */
export interface Range {
  min: number;
  max: number;
}

/** The final SIP responses a profile produces (redirects are drawn separately). */
export const ATTEMPT_CODES = [200, 486, 480, 603, 503, 502] as const;
export type AttemptCode = (typeof ATTEMPT_CODES)[number];

export interface TrafficProfile {
  name: ProfileName;
  /** One line for the start-up summary. */
  description: string;
  /** Relative weights of the final responses of attempts; 200's share is the ASR. */
  outcomes: Readonly<Record<AttemptCode, number>>;
  /** Share of all calls answered with a 3xx redirect (not attempts: they leave ASR alone). */
  redirectShare: number;
  /** INVITE to first ringing, or to the final response of a call that never rang. */
  pddSeconds: Range;
  /** Ringing before the callee picks up. */
  ringBeforeAnswer: Range;
  /** Ringing before the switch gives up with 480 No Answer. */
  ringBeforeTimeout: Range;
  /** Talk time: log-normal around this mean (seconds), so a few calls run long. */
  talkMeanSeconds: number;
  talkSigma: number;
  talkSeconds: Range;
  /** Price per minute in the customer's currency. */
  ratePerMinute: Range;
  /** Relative calls per second of one customer: a call centre dials far more than a reseller. */
  trafficWeight: number;
  /** Set for profiles meant to drain credit: wall-clock seconds in which the charges use up the balance. */
  drainSeconds?: number;
}

export const PROFILES: Readonly<Record<ProfileName, TrafficProfile>> = {
  healthy: {
    name: 'healthy',
    description: 'wholesale traffic that works: ASR ~55%, ACD ~300 s, PDD 2-5 s',
    outcomes: { 200: 55, 486: 12, 480: 15, 603: 4, 503: 9, 502: 5 },
    redirectShare: 0.02,
    pddSeconds: { min: 2, max: 5 },
    ringBeforeAnswer: { min: 3, max: 18 },
    ringBeforeTimeout: { min: 30, max: 60 },
    talkMeanSeconds: 300,
    talkSigma: 0.8,
    talkSeconds: { min: 2, max: 3600 },
    ratePerMinute: { min: 0.004, max: 0.03 },
    trafficWeight: 1,
  },
  low_asr: {
    name: 'low_asr',
    description: 'a broken route: ASR ~12%, many 5xx failures',
    outcomes: { 200: 12, 486: 16, 480: 22, 603: 10, 503: 28, 502: 12 },
    redirectShare: 0.03,
    pddSeconds: { min: 2, max: 6 },
    ringBeforeAnswer: { min: 3, max: 20 },
    ringBeforeTimeout: { min: 30, max: 60 },
    talkMeanSeconds: 150,
    talkSigma: 0.9,
    talkSeconds: { min: 1, max: 3600 },
    ratePerMinute: { min: 0.004, max: 0.02 },
    trafficWeight: 1,
  },
  high_pdd: {
    name: 'high_pdd',
    description: 'a slow carrier: PDD 9-14 s, ASR ~42%',
    outcomes: { 200: 42, 486: 12, 480: 18, 603: 5, 503: 15, 502: 8 },
    redirectShare: 0.02,
    pddSeconds: { min: 9, max: 14 },
    ringBeforeAnswer: { min: 3, max: 18 },
    ringBeforeTimeout: { min: 30, max: 60 },
    talkMeanSeconds: 240,
    talkSigma: 0.8,
    talkSeconds: { min: 2, max: 3600 },
    ratePerMinute: { min: 0.005, max: 0.04 },
    trafficWeight: 1,
  },
  call_centre: {
    name: 'call_centre',
    description: 'outbound dialler: high CPS, ACD 20-50 s, many unanswered',
    outcomes: { 200: 35, 486: 15, 480: 30, 603: 8, 503: 8, 502: 4 },
    redirectShare: 0.01,
    pddSeconds: { min: 1.5, max: 4 },
    ringBeforeAnswer: { min: 2, max: 12 },
    ringBeforeTimeout: { min: 20, max: 30 },
    talkMeanSeconds: 35,
    talkSigma: 0.6,
    talkSeconds: { min: 3, max: 900 },
    ratePerMinute: { min: 0.003, max: 0.012 },
    trafficWeight: 4,
  },
  out_of_credit: {
    name: 'out_of_credit',
    description: 'expensive destinations that use up the balance within minutes',
    outcomes: { 200: 50, 486: 12, 480: 16, 603: 4, 503: 12, 502: 6 },
    redirectShare: 0.02,
    pddSeconds: { min: 2, max: 5 },
    ringBeforeAnswer: { min: 3, max: 18 },
    ringBeforeTimeout: { min: 30, max: 60 },
    talkMeanSeconds: 240,
    talkSigma: 0.8,
    talkSeconds: { min: 2, max: 3600 },
    ratePerMinute: { min: 0.8, max: 2.5 },
    trafficWeight: 1,
    drainSeconds: 300,
  },
};

/** The ASR (percent of attempts) a profile is built to show; tests hold the generator to it. */
export function targetAsrPercent(profile: TrafficProfile): number {
  const total = ATTEMPT_CODES.reduce((sum, code) => sum + profile.outcomes[code], 0);
  return (100 * profile.outcomes[200]) / total;
}

export type ProfileMix = Readonly<Record<ProfileName, number>>;

export const DEFAULT_MIX: ProfileMix = { healthy: 60, low_asr: 10, high_pdd: 10, call_centre: 15, out_of_credit: 5 };

/** Parses `healthy=60,low_asr=10,...`; profiles not named get no customers. Throws with a usable message. */
export function parseProfileMix(text: string): ProfileMix {
  const mix: Record<ProfileName, number> = { healthy: 0, low_asr: 0, high_pdd: 0, call_centre: 0, out_of_credit: 0 };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name = '', value = ''] = part.split('=').map((s) => s.trim());
    if (!(PROFILE_NAMES as readonly string[]).includes(name)) {
      throw new Error(`Unknown profile "${name}" in --profile-mix; use ${PROFILE_NAMES.join(', ')}`);
    }
    const weight = Number(value);
    if (value === '' || !Number.isFinite(weight) || weight < 0) throw new Error(`--profile-mix: "${part}" needs a weight like ${name}=10`);
    mix[name as ProfileName] = weight;
  }
  if (PROFILE_NAMES.every((n) => mix[n] === 0)) throw new Error('--profile-mix gives every profile a weight of 0');
  return mix;
}

/**
 * How many of `count` customers get each profile: proportional to the mix (largest
 * remainder), and every profile with a weight gets at least one customer when there are
 * enough, so each picture shows up even in a small run.
 */
export function apportion(mix: ProfileMix, count: number): Record<ProfileName, number> {
  const total = PROFILE_NAMES.reduce((sum, n) => sum + mix[n], 0);
  const exact = PROFILE_NAMES.map((n) => ({ name: n, share: (count * mix[n]) / total }));
  const counts = Object.fromEntries(exact.map((e) => [e.name, Math.floor(e.share)])) as Record<ProfileName, number>;
  let left = count - PROFILE_NAMES.reduce((sum, n) => sum + counts[n], 0);
  for (const e of [...exact].sort((a, b) => (b.share % 1) - (a.share % 1))) {
    if (left-- <= 0) break;
    counts[e.name] += 1;
  }
  for (const name of PROFILE_NAMES) {
    if (mix[name] === 0 || counts[name] > 0) continue;
    const richest = PROFILE_NAMES.reduce((a, b) => (counts[a] >= counts[b] ? a : b));
    if (counts[richest] <= 1) break;
    counts[richest] -= 1;
    counts[name] = 1;
  }
  return counts;
}

/** A customer as the simulator needs it. */
export interface SimCustomer {
  id: string;
  name: string;
  currency: string;
  /** Credit plus debit limit: what can still be spent. */
  available: number;
}

/** A customer with its profile, its share of the calls and its price. */
export interface Assignment {
  customer: SimCustomer;
  profile: TrafficProfile;
  /** Calls per second this customer gets at the requested total rate. */
  callsPerSecond: number;
  ratePerMinute: number;
}

/**
 * Gives each customer a profile (shuffled by the seed), a share of `totalRate` (the
 * profile's traffic weight times a spread, so some customers are much bigger than
 * others) and a price. Draining profiles are priced so the balance runs out in about
 * `drainSeconds` of simulation.
 */
export function assignProfiles(customers: readonly SimCustomer[], mix: ProfileMix, totalRate: number, rng: SeededRandom): Assignment[] {
  const counts = apportion(mix, customers.length);
  const shuffled = rng.sample(customers, customers.length);
  const drafts: { customer: SimCustomer; profile: TrafficProfile; weight: number }[] = [];
  for (const name of PROFILE_NAMES) {
    for (let i = 0; i < counts[name]; i++) {
      const customer = shuffled[drafts.length]!;
      drafts.push({ customer, profile: PROFILES[name], weight: PROFILES[name].trafficWeight * (0.3 + 1.4 * rng.next()) });
    }
  }
  const totalWeight = drafts.reduce((sum, d) => sum + d.weight, 0);
  return drafts.map(({ customer, profile, weight }) => {
    const callsPerSecond = totalWeight > 0 ? (totalRate * weight) / totalWeight : 0;
    return { customer, profile, callsPerSecond, ratePerMinute: priceFor(profile, customer, callsPerSecond, rng) };
  });
}

function priceFor(profile: TrafficProfile, customer: SimCustomer, callsPerSecond: number, rng: SeededRandom): number {
  const { min, max } = profile.ratePerMinute;
  const listed = roundRate(min + (max - min) * rng.next());
  if (profile.drainSeconds === undefined || customer.available <= 0 || callsPerSecond <= 0) return listed;
  // Spend per wall second = calls/s x answered share x billed minutes per answered call x rate.
  const minutesPerSecond = callsPerSecond * (targetAsrPercent(profile) / 100) * (1 - profile.redirectShare) * (profile.talkMeanSeconds / 60);
  return Math.max(listed, roundRate(customer.available / (profile.drainSeconds * minutesPerSecond)));
}

/** Rates carry at most 4 decimals, like the money they produce. */
const roundRate = (rate: number): number => Math.round(rate * 10_000) / 10_000;
