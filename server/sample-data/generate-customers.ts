import { CONTACT_TYPES, type Contact, type Customer, type IpAuth, type Route, type SipUser } from '../../shared/customer.js';
import type { CustomerStatus } from '../../shared/customer-status.js';
import { fromMinor } from '../../shared/money.js';
import { SeededRandom } from './seeded-random.js';
import {
  ACCOUNT_MANAGERS, COUNTRIES, DOCUMENTATION_NETS, FIRST_NAMES, LAST_NAMES, NAME_CORES, NAME_STEMS,
  NANP_AREA_CODES, RATE_CARDS, TAGS, TECH_PREFIXES, type CountryProfile,
} from './word-lists.js';

/** Identifiers already in use (lower-cased); generated ones avoid them and are added as they are made. */
export interface TakenIdentifiers {
  names: Set<string>;
  accountRefs: Set<string>;
  sipUsernames: Set<string>;
}

export interface GenerateOptions {
  /** The same seed and `now` give the same customers. */
  seed: string;
  now: Date;
  taken?: TakenIdentifiers;
}

const DAY_MS = 86_400_000;
const STATUS_WEIGHTS: Record<CustomerStatus, number> = { active: 78, inactive: 8, pending: 5, pending_approval: 8, penalty: 1 };
/** About 8% have no way to authenticate and 6% no enabled route, so both warnings show in a realistic share. */
const AUTH_WEIGHTS = { none: 8, ip: 55, sip: 22, both: 15 };
const NO_ROUTING_SHARE = 0.06;
const CHANNELS = [0, 10, 20, 30, 50, 60, 100, 120, 200, 300, 500, 1000];
const CPS = [0, 1, 2, 3, 5, 10, 20, 30, 50, 100];
const DEBIT_LIMITS = [500, 1000, 2500, 5000, 10_000, 25_000];
const SPEND_LIMITS = [100, 250, 500, 1000, 5000];
const countryWeights = Object.fromEntries(COUNTRIES.map((c, i) => [String(i), c.weight]));

/**
 * Realistic, schema-valid customers from a seeded generator: company names from word
 * lists (unique case-insensitively, with a city or number added only on a clash),
 * weighted currencies and statuses, contacts, IP and SIP authentication, routes, and
 * the share of problems (no auth, no routing, no credit) a real list has.
 */
export function* generateCustomers(count: number, opts: GenerateOptions): Generator<Customer> {
  const rng = new SeededRandom(opts.seed);
  const taken = opts.taken ?? { names: new Set(), accountRefs: new Set(), sipUsernames: new Set() };
  for (let i = 0; i < count; i++) yield makeCustomer(rng, taken, opts.now);
}

function makeCustomer(rng: SeededRandom, taken: TakenIdentifiers, now: Date): Customer {
  const country = COUNTRIES[Number(rng.weighted(countryWeights))]!;
  const { name, slug } = companyName(rng, country, taken.names);
  const domain = `${slug}.${country.code.toLowerCase()}.example`;
  const status = rng.weighted(STATUS_WEIGHTS);
  const postpaid = rng.chance(0.45);
  const debitLimitMinor = postpaid ? rng.pick(DEBIT_LIMITS) * 100 : 0;
  const auth = rng.weighted(AUTH_WEIGHTS);
  const createdAt = new Date(now.getTime() - rng.int(1, 3 * 365) * DAY_MS - rng.int(0, DAY_MS));

  const customer: Customer = {
    id: rng.uuid(),
    name,
    status,
    currency: currencyFor(rng, country),
    credit: cents(creditCents(rng, debitLimitMinor)),
    debitLimit: cents(debitLimitMinor),
    channels: rng.pick(CHANNELS),
    cpsLimit: rng.pick(CPS),
    tags: [postpaid ? 'postpaid' : 'prepaid', ...rng.sample(TAGS, rng.int(0, 3))],
    portalAccess: rng.chance(0.7),
    contacts: contacts(rng, domain, country),
    ipAuth: auth === 'ip' || auth === 'both' ? ipAuth(rng) : [],
    sipUsers: auth === 'sip' || auth === 'both' ? sipUsers(rng, slug, taken.sipUsernames) : [],
    routes: routes(rng),
    createdAt: createdAt.toISOString(),
    updatedAt: now.toISOString(),
  };
  if (rng.chance(0.85)) customer.accountRef = accountRef(rng, taken.accountRefs);
  if (rng.chance(0.97)) customer.country = country.code;
  if (rng.chance(0.85)) customer.accountManager = rng.pick(ACCOUNT_MANAGERS);
  if (rng.chance(0.2)) customer.dailySpendLimit = cents(rng.pick(SPEND_LIMITS) * 100);
  if (status === 'penalty') {
    customer.penaltyUntil = new Date(now.getTime() + rng.int(10, 360) * 60_000).toISOString();
    customer.statusBeforePenalty = 'active';
  }
  return customer;
}

function companyName(rng: SeededRandom, country: CountryProfile, taken: Set<string>): { name: string; slug: string } {
  const base = `${rng.pick(NAME_STEMS)} ${rng.pick(NAME_CORES)}`;
  const form = rng.pick(country.legalForms);
  const candidates = [base, ...rng.sample(country.cities, 2).map((city) => `${base} ${city}`)];
  let chosen = candidates.find((c) => !taken.has(`${c} ${form}`.toLowerCase()));
  for (let n = 2; chosen === undefined; n++) {
    if (!taken.has(`${base} ${n} ${form}`.toLowerCase())) chosen = `${base} ${n}`;
  }
  const name = `${chosen} ${form}`;
  taken.add(name.toLowerCase());
  return { name, slug: chosen.toLowerCase().replace(/[^a-z0-9]/g, '') };
}

/** Mostly the country's own currency; otherwise the carrier-trade staples USD and EUR. */
function currencyFor(rng: SeededRandom, country: CountryProfile): string {
  if (rng.chance(country.currency === 'USD' || country.currency === 'GBP' || country.currency === 'EUR' ? 0.85 : 0.55)) {
    return country.currency;
  }
  return rng.chance(0.7) ? 'USD' : 'EUR';
}

/** Most have money to spend; some have run dry (credit plus debit limit at or below zero). */
function creditCents(rng: SeededRandom, debitLimitCents: number): number {
  if (rng.chance(0.05)) return -debitLimitCents - rng.int(0, 50_000);
  if (rng.chance(0.1)) return rng.int(0, 5_000);
  return rng.int(-debitLimitCents / 2, 5_000_000);
}

function cents(minorCents: number): string {
  return fromMinor(BigInt(minorCents) * 100n);
}

function accountRef(rng: SeededRandom, taken: Set<string>): string {
  for (;;) {
    const ref = `TL-${rng.int(1_000_000, 9_999_999)}`;
    if (!taken.has(ref.toLowerCase())) {
      taken.add(ref.toLowerCase());
      return ref;
    }
  }
}

function contacts(rng: SeededRandom, domain: string, country: CountryProfile): Contact[] {
  return Array.from({ length: rng.int(1, 3) }, (_, i) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const mobileOnly = rng.chance(0.1);
    const contact: Contact = {
      name: `${first} ${last}`,
      type: i === 0 ? rng.pick(['billing', 'noc'] as const) : rng.pick(CONTACT_TYPES),
      emailVerified: false,
      mobileVerified: false,
    };
    if (!mobileOnly) {
      contact.email = `${first}.${last}@${domain}`.toLowerCase();
      contact.emailVerified = rng.chance(0.7);
    }
    if (mobileOnly || rng.chance(0.6)) {
      contact.mobile = fictionalMobile(rng, country.code);
      contact.mobileVerified = rng.chance(0.5);
    }
    return contact;
  });
}

/** North American 555-01xx numbers and Ofcom's 07700 900xxx drama range: real formats, nobody's phone. */
function fictionalMobile(rng: SeededRandom, countryCode: string): string {
  if (countryCode === 'US' || countryCode === 'CA') {
    return `+1${rng.pick(NANP_AREA_CODES)}55501${String(rng.int(0, 99)).padStart(2, '0')}`;
  }
  return `+447700900${String(rng.int(0, 999)).padStart(3, '0')}`;
}

function ipAuth(rng: SeededRandom): IpAuth[] {
  const ips = new Set<string>();
  const wanted = rng.int(1, 3);
  while (ips.size < wanted) {
    const net = rng.pick(DOCUMENTATION_NETS);
    ips.add(rng.chance(0.25) ? `${net}.${rng.int(0, 31) * 8}/29` : `${net}.${rng.int(1, 254)}`);
  }
  return [...ips].map((ip) => {
    const protocol = rng.weighted({ udp: 80, tcp: 12, tls: 8 });
    return {
      ip,
      direction: rng.weighted({ both: 70, inbound: 20, outbound: 10 }),
      channels: rng.chance(0.6) ? 0 : rng.pick(CHANNELS),
      cps: rng.chance(0.6) ? 0 : rng.pick(CPS),
      protocol,
      port: protocol === 'tls' ? 5061 : rng.chance(0.85) ? 5060 : 5080,
    };
  });
}

function sipUsers(rng: SeededRandom, slug: string, taken: Set<string>): SipUser[] {
  return Array.from({ length: rng.int(1, 2) }, () => {
    let username: string;
    do username = `${slug.slice(0, 24)}${rng.int(10, 9999)}`;
    while (taken.has(username));
    taken.add(username);
    return { username, channels: rng.chance(0.5) ? 0 : rng.pick(CHANNELS), cps: rng.chance(0.5) ? 0 : rng.pick(CPS) };
  });
}

function routes(rng: SeededRandom): Route[] {
  const cards = rng.sample(RATE_CARDS, rng.int(1, 3));
  if (rng.chance(NO_ROUTING_SHARE)) {
    // Half have no route at all, half only disabled ones: both read "No Routing Set".
    return rng.chance(0.5) ? [] : cards.map((rateCard) => ({ rateCard, techPrefix: rng.pick(TECH_PREFIXES), enabled: false }));
  }
  return cards.map((rateCard, i) => ({ rateCard, techPrefix: rng.pick(TECH_PREFIXES), enabled: i === 0 || rng.chance(0.8) }));
}
