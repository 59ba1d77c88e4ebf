import { WARNING_THRESHOLDS_KEY } from '../../shared/keys.js';
import { TRAFFIC_WARNING_THRESHOLDS, type WarningThresholds } from '../../shared/warnings.js';
import type { PatchOperation } from './pull.js';

export interface OrganisationSettingsRow {
  warning_thresholds: WarningThresholds | null;
  settings_version: string;
}

/**
 * The organisation's settings for a pull from `base`: all of them for a fresh device
 * (the defaults where none were set), afterwards only when they changed since.
 */
export function settingsPatch(org: OrganisationSettingsRow | undefined, base: number): PatchOperation[] {
  if (!org || (base > 0 && Number(org.settings_version) <= base)) return [];
  return [{ op: 'put', key: WARNING_THRESHOLDS_KEY, value: org.warning_thresholds ?? TRAFFIC_WARNING_THRESHOLDS }];
}
