import { describe, expect, it } from 'vitest';
import { bulkPatchSchema } from '../../shared/customer-patch.js';
import { hasBulkChange, initialBulkEdit, toBulkPatch, validateBulkEdit } from './bulk-edit-values.js';

describe('bulk edit', () => {
  it('sends only the ticked fields', () => {
    const v = { ...initialBulkEdit(), changeChannels: true, channels: 40, cpsLimit: 99, changeTags: true, tagMode: 'remove' as const, tags: ['old'] };
    expect(toBulkPatch(v)).toEqual({ channels: 40, tags: { mode: 'remove', values: ['old'] } });
    expect(bulkPatchSchema.parse(toBulkPatch(v))).toEqual({ channels: 40, tags: { mode: 'remove', values: ['old'] } });
  });

  it('can clear the country and switch portal access off', () => {
    const v = { ...initialBulkEdit(), changeCountry: true, changePortalAccess: true, portalAccess: false };
    expect(toBulkPatch(v)).toEqual({ country: null, portalAccess: false });
    expect(validateBulkEdit(v)).toEqual({});
  });

  it('nothing ticked is not a change', () => {
    expect(hasBulkChange(initialBulkEdit())).toBe(false);
    expect(validateBulkEdit(initialBulkEdit())).toEqual({ form: 'Choose at least one field to change' });
  });

  it('reports bad values on their field', () => {
    const v = { ...initialBulkEdit(), changeCpsLimit: true, cpsLimit: -1, changeTags: true, tags: ['x'.repeat(40)] };
    const errors = validateBulkEdit(v);
    expect(errors.cpsLimit).toBe('Cannot be negative');
    expect(errors.tags).toMatch(/32 characters/);
  });

  it('an empty limit means unlimited', () => {
    expect(toBulkPatch({ ...initialBulkEdit(), changeChannels: true, channels: '' })).toEqual({ channels: 0 });
  });
});
