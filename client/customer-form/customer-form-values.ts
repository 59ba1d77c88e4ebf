import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import type { CONTACT_TYPES, Customer, customerCreateSchema, customerEditableSchema, IP_DIRECTIONS, SIP_TRANSPORTS } from '../../shared/customer.js';
import type { CustomerStatus } from '../../shared/customer-status.js';

/**
 * The customer card's form state and its translation to the shared input schemas.
 * Inputs hold what the user typed (strings, '' for empty); the schemas do the trimming,
 * normalising and checking. Paths mirror the schema so zod issues land on the right input.
 */

type NumberField = number | string;

export interface ContactRow {
  key: string;
  name: string;
  email: string;
  mobile: string;
  type: (typeof CONTACT_TYPES)[number];
  emailVerified: boolean;
  mobileVerified: boolean;
  /** The email and mobile as stored: a verification only holds while they are unchanged. */
  savedEmail: string;
  savedMobile: string;
}

export interface IpRow {
  key: string;
  ip: string;
  direction: (typeof IP_DIRECTIONS)[number];
  channels: NumberField;
  cps: NumberField;
  protocol: (typeof SIP_TRANSPORTS)[number];
  port: NumberField;
}

export interface SipUserRow {
  key: string;
  username: string;
  /** The username as stored (its password is on the server), or '' for a new user. */
  savedUsername: string;
  password: string;
  changingPassword: boolean;
  channels: NumberField;
  cps: NumberField;
}

export interface RouteRow {
  key: string;
  rateCard: string;
  techPrefix: string;
  enabled: boolean;
}

export interface CustomerFormValues {
  name: string;
  accountRef: string;
  status: CustomerStatus;
  currency: string;
  /** Opening credit, create only. */
  credit: string;
  debitLimit: string;
  channels: NumberField;
  cpsLimit: NumberField;
  country: string | null;
  tags: string[];
  accountManager: string;
  portalAccess: boolean;
  dailySpendLimit: string;
  contacts: ContactRow[];
  ipAuth: IpRow[];
  sipUsers: SipUserRow[];
  routes: RouteRow[];
  notes: string;
}

/** The card's form as its tabs receive it. */
export type CustomerFormApi = UseFormReturnType<CustomerFormValues>;

export type EditableInput = z.input<typeof customerEditableSchema>;
export type CreateInput = z.input<typeof customerCreateSchema>;

let rowCounter = 0;
/** A React key for a repeatable row: unique within the page, never sent anywhere. */
export function nextRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function emptyContact(): ContactRow {
  return { key: nextRowKey(), name: '', email: '', mobile: '', type: 'billing', emailVerified: false, mobileVerified: false, savedEmail: '', savedMobile: '' };
}

export function emptyIp(): IpRow {
  return { key: nextRowKey(), ip: '', direction: 'both', channels: 0, cps: 0, protocol: 'udp', port: 5060 };
}

export function emptySipUser(): SipUserRow {
  return { key: nextRowKey(), username: '', savedUsername: '', password: '', changingPassword: false, channels: 0, cps: 0 };
}

export function emptyRoute(): RouteRow {
  return { key: nextRowKey(), rateCard: '', techPrefix: '', enabled: true };
}

/** The blank card for a new customer. */
export function newCustomerValues(): CustomerFormValues {
  return {
    name: '',
    accountRef: '',
    status: 'active',
    currency: 'USD',
    credit: '',
    debitLimit: '0.00',
    channels: 0,
    cpsLimit: 0,
    country: null,
    tags: [],
    accountManager: '',
    portalAccess: false,
    dailySpendLimit: '',
    contacts: [],
    ipAuth: [],
    sipUsers: [],
    routes: [],
    notes: '',
  };
}

/** The card of an existing customer. SIP passwords are never known here. */
export function customerToValues(c: Customer, notes: string): CustomerFormValues {
  return {
    name: c.name,
    accountRef: c.accountRef ?? '',
    status: c.status,
    currency: c.currency,
    credit: c.credit,
    debitLimit: c.debitLimit,
    channels: c.channels,
    cpsLimit: c.cpsLimit,
    country: c.country ?? null,
    tags: [...c.tags],
    accountManager: c.accountManager ?? '',
    portalAccess: c.portalAccess,
    dailySpendLimit: c.dailySpendLimit ?? '',
    contacts: c.contacts.map((k) => ({
      key: nextRowKey(),
      name: k.name,
      email: k.email ?? '',
      mobile: k.mobile ?? '',
      type: k.type,
      emailVerified: k.emailVerified,
      mobileVerified: k.mobileVerified,
      savedEmail: k.email ?? '',
      savedMobile: k.mobile ?? '',
    })),
    ipAuth: c.ipAuth.map((ip) => ({ key: nextRowKey(), ...ip })),
    sipUsers: c.sipUsers.map((u) => ({
      key: nextRowKey(),
      username: u.username,
      savedUsername: u.username,
      password: '',
      changingPassword: false,
      channels: u.channels,
      cps: u.cps,
    })),
    routes: c.routes.map((r) => ({ key: nextRowKey(), ...r })),
    notes,
  };
}

/** True when this row's username already has a password stored on the server. */
export function hasStoredPassword(row: SipUserRow): boolean {
  return row.savedUsername !== '' && row.savedUsername.toLowerCase() === row.username.trim().toLowerCase();
}

/** Whether the password input is shown: new users, and existing ones being changed. */
export function editsPassword(row: SipUserRow): boolean {
  return !hasStoredPassword(row) || row.changingPassword;
}

const blankToNull = (v: string): string | null => (v.trim() === '' ? null : v);
const blankToUndefined = (v: string): string | undefined => (v.trim() === '' ? undefined : v);

/** A typed number; an empty limit means 0 (unlimited). Non-numbers become NaN for the schema to refuse. */
function toNumber(v: NumberField, empty: number | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (v.trim() === '') return empty;
  return Number(v);
}

const normaliseEmail = (v: string) => v.trim().toLowerCase();
const normaliseMobile = (v: string) => v.replace(/[\s().-]/g, '');

/** Every editable field, as the shared editable schema takes it. */
export function toEditableInput(v: CustomerFormValues): EditableInput {
  return {
    name: v.name,
    accountRef: blankToNull(v.accountRef),
    status: v.status,
    currency: v.currency,
    debitLimit: v.debitLimit.trim() === '' ? '0' : v.debitLimit,
    channels: toNumber(v.channels, 0) as number,
    cpsLimit: toNumber(v.cpsLimit, 0) as number,
    country: v.country || null,
    tags: v.tags,
    accountManager: blankToNull(v.accountManager),
    portalAccess: v.portalAccess,
    dailySpendLimit: blankToNull(v.dailySpendLimit),
    contacts: v.contacts.map((k) => ({
      name: k.name,
      email: blankToUndefined(k.email),
      mobile: blankToUndefined(k.mobile),
      type: k.type,
      // Changing the address voids its verification.
      emailVerified: k.emailVerified && normaliseEmail(k.email) === normaliseEmail(k.savedEmail),
      mobileVerified: k.mobileVerified && normaliseMobile(k.mobile) === normaliseMobile(k.savedMobile),
    })),
    ipAuth: v.ipAuth.map((ip) => ({
      ip: ip.ip,
      direction: ip.direction,
      channels: toNumber(ip.channels, 0),
      cps: toNumber(ip.cps, 0),
      protocol: ip.protocol,
      port: toNumber(ip.port, undefined),
    })),
    sipUsers: v.sipUsers.map((u) => ({
      username: u.username,
      channels: toNumber(u.channels, 0),
      cps: toNumber(u.cps, 0),
      ...(editsPassword(u) && u.password !== '' ? { password: u.password } : {}),
    })),
    routes: v.routes.map((r) => ({ rateCard: r.rateCard, techPrefix: r.techPrefix, enabled: r.enabled })),
    notes: v.notes === '' ? null : v.notes,
  };
}

/** The `createCustomer` arguments for a new customer. */
export function toCreateInput(v: CustomerFormValues, id: string): CreateInput {
  const { credit } = v;
  return { id, ...toEditableInput(v), ...(credit.trim() === '' ? {} : { credit }) };
}

/**
 * Only the fields that differ from the card as it was opened, so an edit never
 * overwrites a field someone else changed meanwhile.
 */
export function buildPatch(before: EditableInput, after: EditableInput): Partial<EditableInput> {
  const patch: Partial<EditableInput> = {};
  for (const key of Object.keys(after) as (keyof EditableInput)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) {
      (patch as Record<string, unknown>)[key] = after[key];
    }
  }
  return patch;
}
