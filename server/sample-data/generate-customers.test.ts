import { describe, expect, it } from 'vitest';
import { customerSchema, type Customer } from '../../shared/customer.js';
import { splitCustomer } from '../../shared/customer-split.js';
import { customerWarnings, type WarningCode } from '../../shared/warnings.js';
import { generateCustomers } from './generate-customers.js';
import { COUNTRIES } from './word-lists.js';

const NOW = new Date('2026-05-01T09:00:00.000Z');
const generate = (count: number, seed = 'test-seed') => [...generateCustomers(count, { seed, now: NOW })];
const big = generate(20_000);
const share = (pred: (c: Customer) => boolean) => big.filter(pred).length / big.length;
const hasWarning = (code: WarningCode) => (c: Customer) => customerWarnings(splitCustomer(c).row).some((w) => w.code === code);

describe('sample customer generator', () => {
  it('makes customers that pass the shared schema unchanged', () => {
    for (const customer of big.slice(0, 5000)) {
      const parsed = customerSchema.safeParse(customer);
      if (!parsed.success) throw new Error(`${customer.name}: ${parsed.error.message}`);
      expect(parsed.data).toEqual(customer);
    }
  });

  it('gives the same customers for the same seed, and different ones for another', () => {
    expect(generate(300)).toEqual(big.slice(0, 300));
    const other = generate(300, 'another seed');
    expect(other.map((c) => c.id)).not.toEqual(big.slice(0, 300).map((c) => c.id));
    expect(other.map((c) => c.name)).not.toEqual(big.slice(0, 300).map((c) => c.name));
  });

  it('keeps names, ids, account refs and SIP usernames unique across 20,000 customers', () => {
    const unique = (values: string[]) => new Set(values.map((v) => v.toLowerCase())).size === values.length;
    expect(unique(big.map((c) => c.name))).toBe(true);
    expect(unique(big.map((c) => c.id))).toBe(true);
    expect(unique(big.flatMap((c) => (c.accountRef ? [c.accountRef] : [])))).toBe(true);
    expect(unique(big.flatMap((c) => c.sipUsers.map((u) => u.username)))).toBe(true);
  });

  it('names companies like companies: word-list names ending in a legal form, a city or number only on a clash', () => {
    const forms = [...new Set(COUNTRIES.flatMap((c) => c.legalForms))];
    for (const { name } of big) expect(forms.some((f) => name.endsWith(` ${f}`))).toBe(true);
    const plain = big.slice(0, 200).filter((c) => c.name.split(' ').length <= 4);
    expect(plain.length).toBeGreaterThan(150);
    // At 20,000 the plain word-list names run short, and cities or numbers keep them apart.
    expect(big.some((c) => /\s\d+\s/.test(c.name)) || big.some((c) => c.name.split(' ').length >= 4)).toBe(true);
  });

  it('shows the warnings staff need to see, in realistic shares', () => {
    expect(share(hasWarning('no_auth'))).toBeGreaterThan(0.06);
    expect(share(hasWarning('no_auth'))).toBeLessThan(0.1);
    expect(share(hasWarning('no_routing'))).toBeGreaterThan(0.045);
    expect(share(hasWarning('no_routing'))).toBeLessThan(0.075);
    expect(share(hasWarning('cannot_dial'))).toBeGreaterThan(0.03);
    expect(share(hasWarning('cannot_dial'))).toBeLessThan(0.15);
    expect(share(hasWarning('no_email_contact'))).toBeGreaterThan(0.005);
    expect(share((c) => customerWarnings(splitCustomer(c).row).length === 0)).toBeGreaterThan(0.6);
  });

  it('mostly active customers, about 1% in a penalty that ends within hours and returns to active', () => {
    expect(share((c) => c.status === 'active')).toBeGreaterThan(0.7);
    for (const status of ['inactive', 'pending', 'pending_approval'] as const) expect(share((c) => c.status === status)).toBeGreaterThan(0.02);
    const penalised = big.filter((c) => c.status === 'penalty');
    expect(penalised.length / big.length).toBeGreaterThan(0.005);
    expect(penalised.length / big.length).toBeLessThan(0.02);
    for (const c of penalised) {
      const ends = new Date(c.penaltyUntil!).getTime() - NOW.getTime();
      expect(ends).toBeGreaterThan(0);
      expect(ends).toBeLessThanOrEqual(6 * 3600_000);
      expect(c.statusBeforePenalty).toBe('active');
    }
    expect(big.filter((c) => c.status !== 'penalty').every((c) => c.penaltyUntil === undefined)).toBe(true);
  });

  it('bills mostly in USD, EUR and GBP, with a long tail of other currencies', () => {
    const counts = new Map<string, number>();
    for (const c of big) counts.set(c.currency, (counts.get(c.currency) ?? 0) + 1);
    const top3 = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code]) => code);
    expect(top3.sort()).toEqual(['EUR', 'GBP', 'USD']);
    for (const code of ['CAD', 'AUD', 'ZAR', 'INR', 'BRL']) expect(counts.get(code)).toBeGreaterThan(0);
  });

  it('uses only addresses and numbers that reach nobody: .example mail, fiction phone ranges, documentation IPs', () => {
    const contacts = big.flatMap((c) => c.contacts);
    expect(contacts.every((k) => k.email === undefined || k.email.endsWith('.example'))).toBe(true);
    expect(contacts.every((k) => k.mobile === undefined || /^(\+1\d{3}55501\d{2}|\+447700900\d{3})$/.test(k.mobile))).toBe(true);
    expect(contacts.some((k) => k.email === undefined && k.mobile !== undefined)).toBe(true);
    const ips = big.flatMap((c) => c.ipAuth.map((a) => a.ip));
    expect(ips.every((ip) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+(\/29)?$/.test(ip))).toBe(true);
    expect(ips.some((ip) => ip.endsWith('/29'))).toBe(true);
    expect(big.every((c) => c.contacts.length >= 1 && c.contacts.length <= 3)).toBe(true);
  });

  it('gives routes with rate cards and tech prefixes, and credit some customers have run through', () => {
    const routes = big.flatMap((c) => c.routes);
    expect(new Set(routes.map((r) => r.rateCard))).toContain('Premium A-Z');
    expect(routes.some((r) => r.techPrefix === '1001#')).toBe(true);
    expect(big.some((c) => c.credit.startsWith('-'))).toBe(true);
    expect(big.some((c) => c.tags.includes('prepaid')) && big.some((c) => c.tags.includes('postpaid'))).toBe(true);
  });

  it('avoids names, account refs and SIP usernames already taken', () => {
    const first = generate(2000, 'seed-a');
    const taken = {
      names: new Set(first.map((c) => c.name.toLowerCase())),
      accountRefs: new Set(first.flatMap((c) => (c.accountRef ? [c.accountRef.toLowerCase()] : []))),
      sipUsernames: new Set(first.flatMap((c) => c.sipUsers.map((u) => u.username.toLowerCase()))),
    };
    const before = { names: new Set(taken.names), refs: new Set(taken.accountRefs), sip: new Set(taken.sipUsernames) };
    const second = [...generateCustomers(2000, { seed: 'seed-a', now: NOW, taken })];
    expect(second.some((c) => before.names.has(c.name.toLowerCase()))).toBe(false);
    expect(second.some((c) => c.accountRef && before.refs.has(c.accountRef.toLowerCase()))).toBe(false);
    expect(second.some((c) => c.sipUsers.some((u) => before.sip.has(u.username)))).toBe(false);
  });
});
