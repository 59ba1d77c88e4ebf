import { describe, expect, it } from 'vitest';
import { callEventSchema } from '../../shared/call-event.js';
import { cdrInputSchema } from '../../shared/cdr.js';
import { CallGenerator, callRecord, eventInput, hangUp, scheduleCall, type CallTarget, type ScheduledCall } from './call-generator.js';
import { PROFILE_NAMES, PROFILES as TRAFFIC_PROFILES, type ProfileName } from './traffic-profiles.js';

const T0 = Date.parse('2026-11-26T10:00:00Z');
const SPEED = 10;
const customer = { id: '7d9f4c2e-51b3-4a8e-9c1d-2b6e8f0a3c55', currency: 'EUR' };
const PROFILES = Object.fromEntries(
  PROFILE_NAMES.map((name) => [name, { customer, profile: TRAFFIC_PROFILES[name], ratePerMinute: 0.0123 }]),
) as Record<ProfileName, CallTarget>;

function calls(seed: string, target: CallTarget, count: number): ScheduledCall[] {
  const generator = new CallGenerator(seed, 'test-');
  return Array.from({ length: count }, (_, i) => scheduleCall(generator.next(target), T0 + i * 50, SPEED));
}

function expectWellFormed(call: ScheduledCall): void {
  const types = call.events.map((e) => e.type);
  expect(types[0]).toBe('started');
  expect(types.at(-1)).toBe('ended');
  expect(types.filter((t) => t === 'started' || t === 'ended')).toHaveLength(2);
  expect(types.includes('answered')).toBe(call.plan.sipCode === 200);
  if (types.includes('ringing') && types.includes('answered')) expect(types.indexOf('ringing')).toBeLessThan(types.indexOf('answered'));
  for (let i = 1; i < call.events.length; i++) expect(call.events[i]!.at).toBeGreaterThanOrEqual(call.events[i - 1]!.at);
  for (const event of call.events) expect(callEventSchema.safeParse(eventInput(call, event)).success).toBe(true);

  const parsed = cdrInputSchema.safeParse(callRecord(call));
  if (!parsed.success) throw new Error(`${call.plan.callId}: ${parsed.error.message}`);
  const cdr = parsed.data;
  expect(cdr.startedAt).toBeLessThanOrEqual(cdr.ringingAt ?? cdr.startedAt);
  expect(cdr.ringingAt ?? cdr.startedAt).toBeLessThanOrEqual(cdr.answeredAt ?? cdr.endedAt);
  expect(cdr.answeredAt ?? cdr.endedAt).toBeLessThanOrEqual(cdr.endedAt);
  // Written when the call ends: nothing in it lies after the end the events announce.
  expect(cdr.endedAt).toBe(call.endMs);
  expect(cdr.answeredAt !== undefined).toBe(cdr.sipCode === 200);
}

describe('CallGenerator', () => {
  it.each(PROFILE_NAMES)('makes valid records and well-ordered events for %s', (name) => {
    for (const call of calls('valid', PROFILES[name], 1000)) expectWellFormed(call);
  });

  it('gives the same calls for the same seed and different calls for another', () => {
    const a = calls('seed-1', PROFILES.healthy, 200).map(callRecord);
    expect(calls('seed-1', PROFILES.healthy, 200).map(callRecord)).toEqual(a);
    expect(calls('seed-2', PROFILES.healthy, 200).map(callRecord)).not.toEqual(a);
  });

  it('never repeats a call id', () => {
    const ids = calls('ids', PROFILES.call_centre, 5000).map((c) => c.plan.callId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('compresses talk time on the wall clock but records it in full', () => {
    const answered = calls('talk', PROFILES.healthy, 500).filter((c) => c.plan.sipCode === 200);
    expect(answered.length).toBeGreaterThan(100);
    for (const call of answered) {
      const answeredAt = call.events.find((e) => e.type === 'answered')!.at;
      expect(call.endMs - answeredAt).toBe(Math.round(call.plan.talkMs / SPEED));
      const cdr = cdrInputSchema.parse(callRecord(call));
      expect(cdr.endedAt - cdr.answeredAt!).toBe(call.plan.talkMs);
      expect(cdr.duration).toBeCloseTo(call.plan.talkMs / 1000, 6);
    }
  });

  it('dates an unanswered call exactly as its events, and an answered one back by the saved talk time', () => {
    for (const call of calls('anchor', PROFILES.healthy, 500)) {
      const cdr = cdrInputSchema.parse(callRecord(call));
      const saved = call.plan.sipCode === 200 ? call.plan.talkMs - Math.round(call.plan.talkMs / SPEED) : 0;
      expect(cdr.startedAt).toBe(call.startMs - saved);
      const ringing = call.events.find((e) => e.type === 'ringing');
      if (ringing) expect(cdr.ringingAt).toBe(ringing.at - saved);
    }
  });

  it('charges answered calls per started second at the rate, and nothing for the rest', () => {
    for (const call of calls('charge', PROFILES.healthy, 500)) {
      const record = callRecord(call);
      const expected = call.plan.sipCode === 200 ? (0.0123 * Math.ceil(call.plan.talkMs / 1000)) / 60 : 0;
      // Rounded to 4 decimals, half up.
      expect(Math.abs(Number(record.charge) - expected)).toBeLessThanOrEqual(0.00005 + 1e-9);
      expect(record.currency).toBe('EUR');
    }
  });

  it('gives redirects no ringing and a short set-up', () => {
    const redirects = calls('3xx', PROFILES.low_asr, 3000).filter((c) => c.plan.sipCode < 400 && c.plan.sipCode >= 300);
    expect(redirects.length).toBeGreaterThan(20);
    for (const call of redirects) {
      expect(call.events.map((e) => e.type)).toEqual(['started', 'ended']);
      expect(call.endMs - call.startMs).toBeLessThan(1000);
    }
  });
});

describe('hangUp', () => {
  it('cuts answered calls short and cancels the rest, keeping what was already sent', () => {
    const sample = calls('hang-up', PROFILES.healthy, 400);
    let cut = 0;
    let cancelled = 0;
    for (const call of sample) {
      const at = call.startMs + Math.floor((call.endMs - call.startMs) / 2);
      const ended = hangUp(call, at);
      expectWellFormed(ended);
      expect(ended.endMs).toBe(Math.max(at, ended.startMs));
      const sentBefore = call.events.filter((e) => e.at <= at && e.type !== 'ended');
      expect(ended.events.slice(0, sentBefore.length)).toEqual(sentBefore);
      if (call.plan.sipCode === 200 && ended.plan.sipCode === 200) cut += 1;
      if (ended.plan.sipCode === 487) cancelled += 1;
    }
    expect(cut).toBeGreaterThan(50);
    expect(cancelled).toBeGreaterThan(50);
  });

  it('leaves a call that has already ended alone', () => {
    const [call] = calls('done', PROFILES.healthy, 1);
    expect(hangUp(call!, call!.endMs + 1)).toBe(call);
  });
});
