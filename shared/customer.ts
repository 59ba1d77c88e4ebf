import { z } from 'zod';
import { customerStatusSchema } from './customer-status.js';
import { isCountryCode, isCurrencyCode } from './iso-codes.js';
import { isMoney, isWithinMoneyBound, MONEY_BOUND_MESSAGE, normalizeMoney } from './money.js';
import { noControlCharacters } from './text.js';

/**
 * The customer record: one company sending SIP traffic through the switch.
 * `customerSchema` is the shape synced to every device (kept slim: no notes, no secrets);
 * the input schemas below are what forms, imports and mutators accept.
 */

export const CONTACT_TYPES = ['billing', 'noc', 'technical', 'sales', 'management', 'other'] as const;
export const IP_DIRECTIONS = ['inbound', 'outbound', 'both'] as const;
export const SIP_TRANSPORTS = ['udp', 'tcp', 'tls'] as const;

export const MAX_CONTACTS = 50;
export const MAX_IPS = 200;
export const MAX_SIP_USERS = 200;
export const MAX_ROUTES = 100;
export const MAX_TAGS = 20;

const MONEY_FORMAT_MESSAGE = 'Enter an amount like 1250.00 (up to 4 decimals)';

/** An amount people enter (opening credit, limits, payments): bounded so no balance can overflow. */
export const moneySchema = z
  .string()
  .trim()
  .refine(isMoney, MONEY_FORMAT_MESSAGE)
  .refine(isWithinMoneyBound, MONEY_BOUND_MESSAGE)
  .transform(normalizeMoney);

/** An amount as stored and synced: a balance moved by call charges may lie beyond the input bound. */
export const storedMoneySchema = z.string().trim().refine(isMoney, MONEY_FORMAT_MESSAGE).transform(normalizeMoney);

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, 'Unknown ISO 4217 currency code');

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'Unknown ISO 3166 country code');

/** Concurrent-call or calls-per-second limit: 0 means unlimited. */
export const limitSchema = z.number().int('Whole numbers only').min(0, 'Cannot be negative').max(1_000_000);

export const tagSchema = z.string().trim().min(1).max(32, 'Tags are at most 32 characters').check(noControlCharacters());
export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
  .transform(dedupeTags);

/** E.164: a plus, then 7 to 15 digits, no leading zero in the country code. */
export const e164Schema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .refine((v) => /^\+[1-9]\d{6,14}$/.test(v), 'Mobile numbers are E.164, like +447700900123');

export const contactSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(100).check(noControlCharacters()),
    email: z.string().trim().toLowerCase().pipe(z.email('Not a valid email address')).optional(),
    mobile: e164Schema.optional(),
    type: z.enum(CONTACT_TYPES),
    emailVerified: z.boolean().default(false),
    mobileVerified: z.boolean().default(false),
  })
  .refine((c) => c.email !== undefined || c.mobile !== undefined, {
    message: 'A contact needs an email or a mobile number',
    path: ['email'],
  });
export type Contact = z.infer<typeof contactSchema>;

export const ipOrCidrSchema = z
  .string()
  .trim()
  .pipe(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: 'Enter an IPv4/IPv6 address or CIDR block' }));

export const ipAuthSchema = z.object({
  ip: ipOrCidrSchema,
  direction: z.enum(IP_DIRECTIONS).default('both'),
  channels: limitSchema.default(0),
  cps: limitSchema.default(0),
  protocol: z.enum(SIP_TRANSPORTS).default('udp'),
  port: z.number().int().min(1).max(65535).default(5060),
});
export type IpAuth = z.infer<typeof ipAuthSchema>;

export const sipUsernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.+-]{3,64}$/, '3-64 letters, digits or _ . + -');

/** A SIP user as synced: the password is never sent back to any device. */
export const sipUserSchema = z.object({
  username: sipUsernameSchema,
  channels: limitSchema.default(0),
  cps: limitSchema.default(0),
});
export type SipUser = z.infer<typeof sipUserSchema>;

/** A SIP user as entered: a password is required for a new username, optional to keep an existing one. */
export const sipUserInputSchema = sipUserSchema.extend({
  password: z.string().min(10, 'SIP passwords are at least 10 characters').max(128).optional(),
});
export type SipUserInput = z.infer<typeof sipUserInputSchema>;

export const routeSchema = z.object({
  rateCard: z.string().trim().min(1, 'Rate card is required').max(100).check(noControlCharacters()),
  techPrefix: z
    .string()
    .trim()
    .regex(/^[0-9#*+]{0,16}$/, 'Tech prefixes are up to 16 of 0-9 # * +')
    .default(''),
  enabled: z.boolean().default(true),
});
export type Route = z.infer<typeof routeSchema>;

const nameSchema = z.string().trim().min(1, 'Name is required').max(120, 'At most 120 characters').check(noControlCharacters());
const accountRefSchema = z.string().trim().min(1).max(64).check(noControlCharacters());
const managerSchema = z.string().trim().min(1).max(100).check(noControlCharacters());
export const notesSchema = z
  .string()
  .max(20_000, 'Notes are at most 20,000 characters')
  .check(noControlCharacters({ allowLineBreaks: true }));

/** The synced customer row (Replicache value under `c/<id>`). Optional fields are absent, never null. */
export const customerSchema = z.object({
  id: z.uuid(),
  name: nameSchema,
  accountRef: accountRefSchema.optional(),
  status: customerStatusSchema,
  currency: currencySchema,
  credit: storedMoneySchema,
  debitLimit: storedMoneySchema,
  channels: limitSchema,
  cpsLimit: limitSchema,
  country: countrySchema.optional(),
  tags: tagsSchema,
  accountManager: managerSchema.optional(),
  portalAccess: z.boolean(),
  dailySpendLimit: storedMoneySchema.optional(),
  contacts: z.array(contactSchema).max(MAX_CONTACTS),
  ipAuth: z.array(ipAuthSchema).max(MAX_IPS),
  sipUsers: z.array(sipUserSchema).max(MAX_SIP_USERS),
  routes: z.array(routeSchema).max(MAX_ROUTES),
  penaltyUntil: z.iso.datetime().optional(),
  statusBeforePenalty: customerStatusSchema.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().optional(),
});
export type Customer = z.infer<typeof customerSchema>;

/** Fields staff may edit on the card. Clearable fields take null in a patch. */
export const customerEditableSchema = z.object({
  name: nameSchema,
  accountRef: accountRefSchema.nullable(),
  status: customerStatusSchema,
  currency: currencySchema,
  debitLimit: moneySchema,
  channels: limitSchema,
  cpsLimit: limitSchema,
  country: countrySchema.nullable(),
  tags: tagsSchema,
  accountManager: managerSchema.nullable(),
  portalAccess: z.boolean(),
  dailySpendLimit: moneySchema.nullable(),
  contacts: z.array(contactSchema).max(MAX_CONTACTS),
  ipAuth: z.array(ipAuthSchema).max(MAX_IPS),
  sipUsers: z.array(sipUserInputSchema).max(MAX_SIP_USERS).refine(uniqueUsernames, 'SIP usernames must be unique'),
  routes: z.array(routeSchema).max(MAX_ROUTES),
  notes: notesSchema.nullable(),
});
export type CustomerEditable = z.infer<typeof customerEditableSchema>;

/** A new customer: name and currency are required, everything else has a sensible default. */
export const customerCreateSchema = customerEditableSchema
  .partial()
  .required({ name: true, currency: true })
  .extend({ id: z.uuid(), credit: moneySchema.optional() });
export type CustomerCreate = z.infer<typeof customerCreateSchema>;

/** A change to some fields of one customer. */
export const customerPatchSchema = customerEditableSchema.partial();
export type CustomerPatch = z.infer<typeof customerPatchSchema>;

function dedupeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function uniqueUsernames(users: { username: string }[]): boolean {
  return new Set(users.map((u) => u.username.toLowerCase())).size === users.length;
}
