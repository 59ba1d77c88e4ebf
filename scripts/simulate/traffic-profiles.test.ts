import { describe, expect, it } from 'vitest';
import { cdrInputSchema, type CdrInput } from '../../shared/cdr.js';
import { acdSeconds, addSums, asrPercent, nerPercent, pddSeconds, sumsOfCall, ZERO_SUMS, type TrafficSums } from '../../shared/metrics.js';
import { SeededRandom } from '../../server/sample-data/seeded-random.js';
import { CallGenerator, callRecord, scheduleCall } from './call-generator.js';
import {
  apportion, assignProfiles, DEFAULT_MIX, parseProfileMix, PROFILE_NAMES, PROFILES, targetAsrPercent,
  type ProfileName, type SimCustomer,
} from './traffic-profiles.js';

const T0 = Date.parse('2026-11-26T10:00:00Z');
const CALLS = 5000;
const customer = { id: '0b8e7a51-3c2d-4f6e-8a9b-1c2d3e4f5a6b', name: 'Example Voice Ltd', currency: 'USD', available: 1000 };

function records(name: ProfileName, count = CALLS, ratePerMinute = 0.01): CdrInput[] {
  const generator = new CallGenerator(`metrics:${name}`);
  const target = { customer, profile: PROFILES[name], ratePerMinute };
  return Array.from({ length: count }, (_, i) => cdrInputSchema.parse(callRecord(scheduleCall(generator.next(target), T0 + i * 50, 10))));
}

/** The same per-call rules the server rolls records up with. */
function sums(cdrs: readonly CdrInput[]): TrafficSums {
  return cdrs.reduce(
    (total, c) =>
      addSums(
        total,
        sumsOfCall({ ...c, durationMs: c.duration === undefined ? undefined : Math.round(c.duration * 1000) }),
      ),
    ZERO_SUMS,
  );
}

const measured = Object.fromEntries(PROFILE_NAMES.map((name) => [name, sums(records(name))])) as Record<ProfileName, TrafficSums>;

describe('traffic profiles, measured over 5,000 calls each', () => {
  it.each(PROFILE_NAMES)('%s shows the ASR it is built for (within 5 points)', (name) => {
    expect(asrPercent(measured[name])!).toBeGreaterThanOrEqual(targetAsrPercent(PROFILES[name]) - 5);
    expect(asrPercent(measured[name])!).toBeLessThanOrEqual(targetAsrPercent(PROFILES[name]) + 5);
  });

  it('aims at the ASR each picture needs', () => {
    expect(targetAsrPercent(PROFILES.healthy)).toBeCloseTo(55, 0);
    expect(targetAsrPercent(PROFILES.low_asr)).toBeCloseTo(12, 0);
  });

  it('keeps redirects out of the attempts', () => {
    expect(measured.healthy.attempts).toBeLessThan(CALLS);
    expect(measured.healthy.attempts).toBeGreaterThan(CALLS * 0.95);
  });

  it('gives high_pdd a post-dial delay of 9 s or more, and healthy one of 2-5 s', () => {
    expect(pddSeconds(measured.high_pdd)!).toBeGreaterThanOrEqual(9);
    expect(pddSeconds(measured.high_pdd)!).toBeLessThanOrEqual(14);
    expect(pddSeconds(measured.healthy)!).toBeGreaterThanOrEqual(2);
    expect(pddSeconds(measured.healthy)!).toBeLessThanOrEqual(5);
  });

  it('gives wholesale an ACD near 300 s and the call centre 20-50 s', () => {
    expect(acdSeconds(measured.healthy)!).toBeGreaterThan(255);
    expect(acdSeconds(measured.healthy)!).toBeLessThan(345);
    expect(acdSeconds(measured.call_centre)!).toBeGreaterThanOrEqual(20);
    expect(acdSeconds(measured.call_centre)!).toBeLessThanOrEqual(50);
  });

  it('makes low_asr a network problem (low NER), not just unanswered calls', () => {
    expect(nerPercent(measured.low_asr)!).toBeLessThan(nerPercent(measured.healthy)! - 15);
  });
});

describe('parseProfileMix', () => {
  it('reads weights and leaves unnamed profiles out', () => {
    expect(parseProfileMix('healthy=60, low_asr=10')).toEqual({ healthy: 60, low_asr: 10, high_pdd: 0, call_centre: 0, out_of_credit: 0 });
  });

  it('refuses unknown profiles, bad weights and an all-zero mix', () => {
    expect(() => parseProfileMix('healthy=60,noisy=5')).toThrow(/Unknown profile "noisy"/);
    expect(() => parseProfileMix('healthy=lots')).toThrow(/needs a weight/);
    expect(() => parseProfileMix('healthy')).toThrow(/needs a weight/);
    expect(() => parseProfileMix('healthy=0')).toThrow(/weight of 0/);
  });
});

describe('apportion', () => {
  it('splits customers by the mix and gives every weighted profile at least one', () => {
    const counts = apportion(DEFAULT_MIX, 50);
    expect(PROFILE_NAMES.reduce((sum, n) => sum + counts[n], 0)).toBe(50);
    expect(counts.healthy).toBe(30);
    for (const name of PROFILE_NAMES) expect(counts[name]).toBeGreaterThanOrEqual(1);
    expect(apportion(DEFAULT_MIX, 20).out_of_credit).toBe(1);
  });

  it('gives nothing to a profile weighted 0', () => {
    expect(apportion(parseProfileMix('healthy=1'), 7)).toEqual({ healthy: 7, low_asr: 0, high_pdd: 0, call_centre: 0, out_of_credit: 0 });
  });
});

describe('assignProfiles', () => {
  const customers: SimCustomer[] = Array.from({ length: 200 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Customer ${i}`,
    currency: 'GBP',
    available: 2500,
  }));

  it('shares the total rate out, call centres taking more each', () => {
    const assigned = assignProfiles(customers, DEFAULT_MIX, 20, new SeededRandom('assign'));
    expect(assigned).toHaveLength(200);
    expect(new Set(assigned.map((a) => a.customer.id)).size).toBe(200);
    expect(assigned.reduce((sum, a) => sum + a.callsPerSecond, 0)).toBeCloseTo(20, 6);
    const mean = (name: ProfileName) => {
      const mine = assigned.filter((a) => a.profile.name === name);
      return mine.reduce((sum, a) => sum + a.callsPerSecond, 0) / mine.length;
    };
    expect(mean('call_centre')).toBeGreaterThan(2 * mean('healthy'));
  });

  it('is the same for the same seed', () => {
    const a = assignProfiles(customers, DEFAULT_MIX, 20, new SeededRandom('same'));
    expect(assignProfiles(customers, DEFAULT_MIX, 20, new SeededRandom('same'))).toEqual(a);
  });

  it('prices out_of_credit so its charges use up the balance in about drainSeconds', () => {
    const assigned = assignProfiles(customers, DEFAULT_MIX, 20, new SeededRandom('drain'));
    const draining = assigned.find((a) => a.profile.name === 'out_of_credit')!;
    const charges = records('out_of_credit', CALLS, draining.ratePerMinute).map((c) => Number(c.charge ?? 0));
    const meanCharge = charges.reduce((sum, c) => sum + c, 0) / charges.length;
    const spentInDrainTime = meanCharge * draining.callsPerSecond * PROFILES.out_of_credit.drainSeconds!;
    expect(spentInDrainTime).toBeGreaterThan(draining.customer.available * 0.85);
    expect(spentInDrainTime).toBeLessThan(draining.customer.available * 1.15);
  });

  it('keeps list prices for healthy customers', () => {
    for (const a of assignProfiles(customers, DEFAULT_MIX, 20, new SeededRandom('prices')).filter((x) => x.profile.name === 'healthy')) {
      expect(a.ratePerMinute).toBeGreaterThanOrEqual(PROFILES.healthy.ratePerMinute.min);
      expect(a.ratePerMinute).toBeLessThanOrEqual(PROFILES.healthy.ratePerMinute.max);
    }
  });
});
