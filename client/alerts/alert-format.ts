import dayjs from 'dayjs';
import { AREA_LABELS, TRAFFIC_AREAS, type AlertArea, type AlertOperator, type AlertRule } from '../../shared/alert-rule.js';

/** "ASR", "Available credit": the area without the unit AREA_LABELS adds for form labels. */
export function areaName(area: AlertArea): string {
  return AREA_LABELS[area].replace(/\s*\(.*\)$/, '');
}

const OPERATOR_SYMBOLS: Record<AlertOperator, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

export function operatorSymbol(op: AlertOperator): string {
  return OPERATOR_SYMBOLS[op];
}

const isMoney = (area: AlertArea) => area === 'credit' || area === 'available_credit';

const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/**
 * A figure in its area's unit: "15 %", "4.5 s", "12". Money has no unit of its own (each
 * customer's currency), so it takes `currency` when the caller knows it.
 */
export function formatAreaValue(area: AlertArea, value: number, currency?: string): string {
  if (isMoney(area)) return currency ? `${money.format(value)} ${currency}` : plain.format(value);
  if (area === 'asr') return `${plain.format(value)} %`;
  if (area === 'acd' || area === 'pdd') return `${plain.format(value)} s`;
  return plain.format(value);
}

/** "ASR ≤ 15 % (resets at 25 %)". */
export function formatCondition(rule: Pick<AlertRule, 'area' | 'operator' | 'threshold' | 'resetThreshold'>): string {
  const { area } = rule;
  return `${areaName(area)} ${operatorSymbol(rule.operator)} ${formatAreaValue(area, rule.threshold)} (resets at ${formatAreaValue(area, rule.resetThreshold)})`;
}

/** "45 min", "1 h", "1 h 30 min", "2 days". */
export function formatMinutes(minutes: number): string {
  const day = 1440;
  if (minutes >= day && minutes % day === 0) return minutes === day ? '1 day' : `${minutes / day} days`;
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

export function formatPenalty(minutes: number | null): string {
  return minutes ? `${formatMinutes(minutes)} penalty` : '—';
}

/** Traffic figures are measured over the sample period; credit and channels are judged as they are now. */
export function formatSample(rule: Pick<AlertRule, 'area' | 'sampleMinutes' | 'minAttempts'>): string {
  if (!TRAFFIC_AREAS.includes(rule.area)) return '—';
  return rule.minAttempts > 0 ? `${formatMinutes(rule.sampleMinutes)}, ≥ ${rule.minAttempts} calls` : formatMinutes(rule.sampleMinutes);
}

/** "1 Feb 2026, 14:05:09" in the user's time zone. */
export function formatTimestamp(time: string): string {
  return dayjs(time).format('D MMM YYYY, HH:mm:ss');
}
