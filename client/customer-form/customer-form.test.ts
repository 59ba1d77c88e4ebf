import { describe, expect, it } from 'vitest';
import { customerCreateSchema, customerPatchSchema } from '../../shared/customer.js';
import { applyCustomerPatch, buildCustomer } from '../../shared/customer-patch.js';
import { AppError } from '../../shared/errors.js';
import {
  buildPatch,
  customerToValues,
  emptyContact,
  emptyIp,
  emptySipUser,
  newCustomerValues,
  toCreateInput,
  toEditableInput,
  type CustomerFormValues,
} from './customer-form-values.js';
import {
  appErrorToForm,
  findNameClash,
  tabsWithErrors,
  validateCustomerForm,
  type CustomerFormContext,
} from './customer-form-validation.js';
import { testCustomer, testId, testRow } from '../customer-index/customer-test-rows.js';

const NOW = '2026-02-01T12:00:00.000Z';
const existing = testRow(1, { name: 'Acme Telecom', accountRef: 'ACC-1' });
const trashed = testRow(2, { name: 'Old Name Ltd', accountRef: 'ACC-2', deletedAt: NOW });
const rows = [existing, trashed];
const createCtx: CustomerFormContext = { mode: 'create', rows };

const filled = (over: Partial<CustomerFormValues> = {}): CustomerFormValues => ({ ...newCustomerValues(), name: 'Globex Voice', ...over });

describe('new customer form', () => {
  it('a name and a currency are enough', () => {
    expect(validateCustomerForm(filled(), createCtx)).toEqual({});
    const input = customerCreateSchema.parse(toCreateInput(filled({ credit: '25' }), testId(9)));
    const c = buildCustomer(input, NOW);
    expect(c).toMatchObject({ name: 'Globex Voice', currency: 'USD', credit: '25.00', channels: 0, status: 'active' });
    expect(c.accountRef).toBeUndefined();
    expect(c.country).toBeUndefined();
  });

  it('reports a missing name and a bad amount on their inputs', () => {
    const errors = validateCustomerForm(filled({ name: '  ', debitLimit: '12,50' }), createCtx);
    expect(errors.name).toBe('Name is required');
    expect(errors.debitLimit).toMatch(/amount/);
  });

  it('says on the card which texts hold a control character and which amounts are too large', () => {
    const nul = 'Contains a control character (such as NUL) that cannot be stored';
    const errors = validateCustomerForm(filled({ name: 'Glo\u0000bex', notes: 'ok\nbut\u0000', credit: '1000000000000.01' }), createCtx);
    expect(errors).toMatchObject({ name: nul, notes: nul, credit: 'At most 1,000,000,000,000 either way' });
    expect(tabsWithErrors(errors)).toEqual(['main', 'notes']);
  });

  it('puts errors of repeatable rows on the row and field', () => {
    const contact = { ...emptyContact(), name: 'Bob', email: 'not-an-email', mobile: '07700 900123' };
    const ip = { ...emptyIp(), ip: '300.1.1.1' };
    const errors = validateCustomerForm(filled({ contacts: [contact], ipAuth: [ip] }), createCtx);
    expect(errors['contacts.0.email']).toBe('Not a valid email address');
    expect(errors['contacts.0.mobile']).toMatch(/E\.164/);
    expect(errors['ipAuth.0.ip']).toMatch(/IPv4/);
    expect(tabsWithErrors(errors)).toEqual(['contacts', 'authentication']);
  });

  it('accepts a mobile typed with spaces and brackets', () => {
    const contact = { ...emptyContact(), name: 'Bob', mobile: '+44 (7700) 900-123' };
    expect(validateCustomerForm(filled({ contacts: [contact] }), createCtx)).toEqual({});
  });

  it('an empty limit means unlimited, not an error', () => {
    expect(toEditableInput(filled({ channels: '', cpsLimit: '' }))).toMatchObject({ channels: 0, cpsLimit: 0 });
    expect(validateCustomerForm(filled({ channels: 'abc' }), createCtx).channels).toBeDefined();
  });

  it('refuses a name already used by a live customer, whatever the case', () => {
    expect(validateCustomerForm(filled({ name: 'ACME telecom ' }), createCtx).name).toBe('“Acme Telecom” already exists');
    expect(findNameClash(rows, 'acme telecom')?.id).toBe(existing.id);
  });

  it('allows the name or account ref of a customer in the trash', () => {
    expect(validateCustomerForm(filled({ name: 'Old Name Ltd', accountRef: 'ACC-2' }), createCtx)).toEqual({});
  });

  it('refuses an account ref already in use', () => {
    expect(validateCustomerForm(filled({ accountRef: 'ACC-1' }), createCtx).accountRef).toBe('Already used by Acme Telecom');
  });

  it('a new SIP user needs a password of at least 10 characters', () => {
    const user = { ...emptySipUser(), username: 'globex1' };
    expect(validateCustomerForm(filled({ sipUsers: [user] }), createCtx)['sipUsers.0.password']).toBe('Set a password for this SIP user');
    const short = validateCustomerForm(filled({ sipUsers: [{ ...user, password: 'short' }] }), createCtx);
    expect(short['sipUsers.0.password']).toMatch(/10 characters/);
    expect(validateCustomerForm(filled({ sipUsers: [{ ...user, password: 'long-enough-secret' }] }), createCtx)).toEqual({});
  });

  it('refuses two SIP users with the same name', () => {
    const a = { ...emptySipUser(), username: 'dup1', password: 'long-enough-secret' };
    const errors = validateCustomerForm(filled({ sipUsers: [a, { ...a, username: 'DUP1' }] }), createCtx);
    expect(errors.sipUsers).toBe('SIP usernames must be unique');
    expect(tabsWithErrors(errors)).toEqual(['authentication']);
  });
});

describe('editing a customer', () => {
  const customer = testCustomer(1, {
    name: 'Acme Telecom',
    accountRef: 'ACC-1',
    credit: '0.00',
    sipUsers: [{ username: 'acme-trunk', channels: 10, cps: 2 }],
    contacts: [{ name: 'Ann', email: 'ann@acme.example', mobile: '+447700900123', type: 'noc', emailVerified: true, mobileVerified: true }],
  });
  const ctx: CustomerFormContext = { mode: 'edit', selfId: customer.id, savedCredit: customer.credit, savedCurrency: customer.currency, rows };
  const opened = customerToValues(customer, 'Pays late');
  const before = toEditableInput(opened);

  it('an untouched card is valid and changes nothing', () => {
    expect(validateCustomerForm(opened, ctx)).toEqual({});
    expect(buildPatch(before, toEditableInput(opened))).toEqual({});
  });

  it('keeping its own name is not a clash', () => {
    expect(validateCustomerForm({ ...opened, name: 'acme telecom' }, ctx).name).toBeUndefined();
  });

  it('renaming onto another live customer is a clash; a name kept as saved is not checked again', () => {
    const both = [...rows, testRow(7, { name: 'Globex', accountRef: 'ACC-7' })];
    const edit = { ...ctx, rows: both, savedName: customer.name, savedAccountRef: customer.accountRef };
    expect(validateCustomerForm({ ...opened, name: 'GLOBEX', accountRef: 'ACC-7' }, edit)).toMatchObject({
      name: '“Globex” already exists',
      accountRef: 'Already used by Globex',
    });
    // Someone else made the clash: this edit does not touch the name, and the server judges it.
    const clashing = { ...edit, rows: [...both, testRow(8, { name: 'Acme Telecom', accountRef: 'ACC-1' })] };
    expect(validateCustomerForm({ ...opened, channels: 61 }, clashing)).toEqual({});
  });

  it('sends only the changed fields, clearing emptied ones with null', () => {
    const patch = buildPatch(before, toEditableInput({ ...opened, channels: 60, accountRef: '', notes: 'Pays on time now' }));
    expect(patch).toEqual({ channels: 60, accountRef: null, notes: 'Pays on time now' });
    const next = applyCustomerPatch(customer, customerPatchSchema.parse(patch), NOW);
    expect(next.channels).toBe(60);
    expect(next.accountRef).toBeUndefined();
  });

  it('never asks for or sends a stored SIP password unless it is being changed', () => {
    expect(JSON.stringify(toEditableInput(opened).sipUsers)).not.toContain('password');
    const changing = { ...opened, sipUsers: [{ ...opened.sipUsers[0]!, changingPassword: true }] };
    expect(validateCustomerForm(changing, ctx)['sipUsers.0.password']).toBeDefined();
    const changed = { ...opened, sipUsers: [{ ...opened.sipUsers[0]!, changingPassword: true, password: 'a-new-long-secret' }] };
    expect(buildPatch(before, toEditableInput(changed)).sipUsers).toEqual([
      { username: 'acme-trunk', channels: 10, cps: 2, password: 'a-new-long-secret' },
    ]);
  });

  it('renaming a SIP user makes it new: it needs a password', () => {
    const renamed = { ...opened, sipUsers: [{ ...opened.sipUsers[0]!, username: 'acme-trunk-2' }] };
    expect(validateCustomerForm(renamed, ctx)['sipUsers.0.password']).toBeDefined();
  });

  it('changing a contact address voids its verification', () => {
    const contact = opened.contacts[0]!;
    const patch = buildPatch(before, toEditableInput({ ...opened, contacts: [{ ...contact, email: 'new@acme.example' }] }));
    expect(patch.contacts?.[0]).toMatchObject({ email: 'new@acme.example', emailVerified: false, mobileVerified: true });
    const sameButCased = toEditableInput({ ...opened, contacts: [{ ...contact, email: ' ANN@acme.example' }] });
    expect(sameButCased.contacts?.[0]?.emailVerified).toBe(true);
  });

  it('locks the currency once there is a balance', () => {
    const rich = { ...ctx, savedCredit: '10.00' };
    expect(validateCustomerForm({ ...opened, currency: 'EUR' }, rich).currency).toMatch(/balance/);
    expect(validateCustomerForm({ ...opened, currency: 'EUR' }, ctx).currency).toBeUndefined();
  });

  it('shows a penalty status unchanged without sending it', () => {
    const penalised = customerToValues(testCustomer(1, { status: 'penalty', penaltyUntil: NOW, statusBeforePenalty: 'active' }), '');
    const start = toEditableInput(penalised);
    expect(validateCustomerForm(penalised, ctx)).toEqual({});
    expect(buildPatch(start, toEditableInput({ ...penalised, channels: 5 }))).toEqual({ channels: 5 });
  });
});

describe('refusals from the mutator', () => {
  it('maps field issues of an edit to the card paths', () => {
    const err = new AppError('invalid_input', 'Invalid customer change: bad', [
      { path: 'patch.contacts.0.email', message: 'Not a valid email address' },
      { path: 'patch.name', message: 'Name is required' },
    ]);
    expect(appErrorToForm(err)).toEqual({
      fields: { 'contacts.0.email': 'Not a valid email address', name: 'Name is required' },
      message: 'Invalid customer change: bad',
    });
  });

  it('puts uniqueness and currency refusals on their field', () => {
    expect(appErrorToForm(new AppError('duplicate_name', 'Name taken')).fields).toEqual({ name: 'Name taken' });
    expect(appErrorToForm(new AppError('currency_locked', 'Locked')).fields).toEqual({ currency: 'Locked' });
    expect(appErrorToForm(new AppError('forbidden', 'No')).fields).toEqual({});
  });
});
