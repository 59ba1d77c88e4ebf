import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../shared/alert-rule.js';
import { appendOlder, mergeNewest } from './alert-log-merge.js';

const event = (id: number): AlertEvent => ({
  id: String(id),
  ruleId: null,
  ruleName: 'Low ASR',
  customerId: '00000000-0000-4000-8000-000000000001',
  customerName: 'Acme',
  kind: 'fired',
  area: 'asr',
  value: 10,
  threshold: 15,
  penaltyUntil: null,
  at: new Date(id * 1000).toISOString(),
});
/** Newest first, from `newest` down to `oldest`. */
const range = (newest: number, oldest: number) => Array.from({ length: newest - oldest + 1 }, (_, i) => event(newest - i));
const ids = (events: AlertEvent[]) => events.map((e) => Number(e.id));

describe('mergeNewest', () => {
  it('takes a short first page as the whole log', () => {
    expect(mergeNewest(range(5, 1), { events: range(20, 1), hasMore: true }, 10)).toEqual({ events: range(5, 1), hasMore: false });
  });

  it('keeps the older pages the user loaded when the fresh page overlaps them', () => {
    const loaded = { events: range(30, 11), hasMore: true };
    const merged = mergeNewest(range(33, 24), loaded, 10);
    expect(ids(merged.events)).toEqual(ids(range(33, 11)));
    expect(merged.hasMore).toBe(true);
  });

  it('drops the older pages when more than a page arrived since (a gap), and offers to load more', () => {
    const merged = mergeNewest(range(60, 51), { events: range(30, 21), hasMore: false }, 10);
    expect(ids(merged.events)).toEqual(ids(range(60, 51)));
    expect(merged.hasMore).toBe(true);
  });

  it('compares ids as numbers, not text', () => {
    const merged = mergeNewest(range(100, 91), { events: range(95, 9), hasMore: false }, 10);
    expect(ids(merged.events)).toEqual(ids(range(100, 9)));
    expect(merged.hasMore).toBe(false);
  });
});

describe('appendOlder', () => {
  it('appends without duplicates and stops offering more after a short page', () => {
    const next = appendOlder({ events: range(20, 11), hasMore: true }, range(11, 5), 10);
    expect(ids(next.events)).toEqual(ids(range(20, 5)));
    expect(next.hasMore).toBe(false);
  });
});
