import { z } from 'zod';
import type { Customer } from './customer.js';
import type { CustomerListRow } from './customer-split.js';
import { asrPercent, pddSeconds, tupleToSums, type CustomerMetrics } from './metrics.js';
import { addMoney, toMinor } from './money.js';

/**
 * Warning signs shown beside a customer's name. Always computed, never stored, so they
 * can't go stale: from the record (`customerWarnings`) and from the live figures of the
 * last hour (`trafficWarnings`).
 */
export const WARNING_CODES = ['no_auth', 'no_routing', 'cannot_dial', 'no_email_contact', 'high_pdd', 'low_asr', 'channels_full'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface CustomerWarning {
  code: WarningCode;
  /** The short label staff know from the reference page. */
  label: string;
  /** What is wrong and what to do, shown on hover. */
  detail: string;
}

export const WARNING_LABELS: Record<WarningCode, string> = {
  no_auth: 'No Authentication Set',
  no_routing: 'No Routing Set',
  cannot_dial: 'Cannot dial',
  no_email_contact: 'No contact with an email',
  high_pdd: 'High PDD',
  low_asr: 'Low ASR',
  channels_full: 'Channels at limit',
};

/**
 * When traffic warnings show; each organisation may set its own (synced as
 * `s/warnings`). PDD and ASR judge the last hour, and only on enough calls to mean
 * something.
 */
export const warningThresholdsSchema = z.object({
  /** Average post-dial delay at or above this (seconds) points at a carrier problem. */
  pddSeconds: z.number().min(0.5).max(60),
  /** Calls with a PDD needed before the average is judged. */
  minPddCalls: z.number().int().min(1).max(100_000),
  /** ASR below this (percent) is very low. */
  asrPercent: z.number().min(0).max(100),
  /** Attempts needed before ASR is judged. */
  minAttempts: z.number().int().min(1).max(100_000),
});
export type WarningThresholds = z.infer<typeof warningThresholdsSchema>;

export const TRAFFIC_WARNING_THRESHOLDS: WarningThresholds = { pddSeconds: 10, minPddCalls: 5, asrPercent: 20, minAttempts: 20 };

/** The record's warnings read the balance and the counts of the details, never the details themselves: the list row (`c/`) alone decides them. */
type WarningInput = Pick<CustomerListRow, 'credit' | 'debitLimit' | 'currency' | 'counts'>;

/** Available credit: what the customer can still spend (credit plus the post-pay debit limit). */
export function availableCredit(c: Pick<Customer, 'credit' | 'debitLimit'>): string {
  return addMoney(c.credit, c.debitLimit);
}

export function customerWarnings(c: WarningInput): CustomerWarning[] {
  const warnings: CustomerWarning[] = [];
  const add = (code: WarningCode, detail: string) => warnings.push({ code, label: WARNING_LABELS[code], detail });
  if (c.counts.ips === 0 && c.counts.sipUsers === 0) {
    add('no_auth', 'No IP authentication and no SIP user: the switch will reject every call from this customer.');
  }
  if (c.counts.enabledRoutes === 0) {
    add('no_routing', 'No enabled route: calls have nowhere to go.');
  }
  const available = availableCredit(c);
  if (toMinor(available) <= 0n) {
    add('cannot_dial', `Available credit is ${available} ${c.currency} (credit ${c.credit} + debit limit ${c.debitLimit}).`);
  }
  if (c.counts.emailContacts === 0) {
    add('no_email_contact', 'No contact has an email address: balance and downtime notices cannot reach them.');
  }
  return warnings;
}

const oneDecimal = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * Warnings from the live figures: average PDD at or above the threshold, ASR below it
 * with enough attempts (last hour), calls up at the channel limit (0 = unlimited).
 */
export function trafficWarnings(metrics: CustomerMetrics | undefined, channelLimit: number, t: WarningThresholds = TRAFFIC_WARNING_THRESHOLDS): CustomerWarning[] {
  if (!metrics) return [];
  const warnings: CustomerWarning[] = [];
  const add = (code: WarningCode, detail: string) => warnings.push({ code, label: WARNING_LABELS[code], detail });
  const sums = tupleToSums(metrics.h1);
  const pdd = pddSeconds(sums);
  if (pdd !== undefined && sums.pddCount >= t.minPddCalls && pdd >= t.pddSeconds) {
    add('high_pdd', `Average PDD ${oneDecimal(pdd)} s over the last hour (${sums.pddCount} calls): ${t.pddSeconds} s or more points at a carrier problem.`);
  }
  const asr = asrPercent(sums);
  if (asr !== undefined && sums.attempts >= t.minAttempts && asr < t.asrPercent) {
    add('low_asr', `ASR ${oneDecimal(asr)}% over the last hour (${sums.answered} of ${sums.attempts} attempts answered): below ${t.asrPercent}%.`);
  }
  if (channelLimit > 0 && metrics.ch >= channelLimit) {
    add('channels_full', `${metrics.ch} calls up of a ${channelLimit}-channel limit: further calls are refused.`);
  }
  return warnings;
}
