import type { z } from 'zod';
import { bulkPatchSchema, type TAG_MODES } from '../../shared/customer-patch.js';
import type { CustomerStatus } from '../../shared/customer-status.js';
import { toFieldIssues } from '../../shared/validation.js';
import { issuesToFormErrors, type FormErrors } from '../customer-form/customer-form-validation.js';

/**
 * The bulk edit dialog's state: each field has a "change" box, and only ticked fields
 * are sent, so a bulk edit never touches what the user did not choose.
 */
export type StaffStatus = Exclude<CustomerStatus, 'penalty'>;
export type TagMode = (typeof TAG_MODES)[number];

export interface BulkEditValues {
  changeStatus: boolean;
  status: StaffStatus;
  changeChannels: boolean;
  channels: number | string;
  changeCpsLimit: boolean;
  cpsLimit: number | string;
  changePortalAccess: boolean;
  portalAccess: boolean;
  changeCountry: boolean;
  country: string | null;
  changeTags: boolean;
  tagMode: TagMode;
  tags: string[];
}

export type BulkPatchInput = z.input<typeof bulkPatchSchema>;

export function initialBulkEdit(): BulkEditValues {
  return {
    changeStatus: false,
    status: 'active',
    changeChannels: false,
    channels: 0,
    changeCpsLimit: false,
    cpsLimit: 0,
    changePortalAccess: false,
    portalAccess: true,
    changeCountry: false,
    country: null,
    changeTags: false,
    tagMode: 'add',
    tags: [],
  };
}

const limit = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? 0 : Number(v));

/** The patch of the ticked fields only. */
export function toBulkPatch(v: BulkEditValues): BulkPatchInput {
  return {
    ...(v.changeStatus ? { status: v.status } : {}),
    ...(v.changeChannels ? { channels: limit(v.channels) } : {}),
    ...(v.changeCpsLimit ? { cpsLimit: limit(v.cpsLimit) } : {}),
    ...(v.changePortalAccess ? { portalAccess: v.portalAccess } : {}),
    ...(v.changeCountry ? { country: v.country } : {}),
    ...(v.changeTags ? { tags: { mode: v.tagMode, values: v.tags } } : {}),
  };
}

export function hasBulkChange(v: BulkEditValues): boolean {
  return v.changeStatus || v.changeChannels || v.changeCpsLimit || v.changePortalAccess || v.changeCountry || v.changeTags;
}

/**
 * Validates the ticked fields with the shared bulk patch schema. Errors are keyed by
 * the dialog's field names ("tags.values.0" becomes "tags").
 */
export function validateBulkEdit(v: BulkEditValues): FormErrors {
  const result = bulkPatchSchema.safeParse(toBulkPatch(v));
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(issuesToFormErrors(toFieldIssues(result.error)))) {
    const field = path.split('.')[0] || 'form';
    errors[field] ??= message;
  }
  return errors;
}
