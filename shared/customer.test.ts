import { describe, expect, it } from 'vitest';
import { contactSchema, customerCreateSchema, customerPatchSchema, customerSchema, ipAuthSchema, routeSchema } from './customer.js';
import { makeCustomer } from './test-fixtures.js';

const id = '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01';

describe('customer schemas', () => {
  it('accepts a full synced row as it is', () => {
    const c = makeCustomer();
    expect(customerSchema.parse(c)).toEqual(c);
  });

  it('requires name and currency to create, and fills nothing else in', () => {
    const r = customerCreateSchema.safeParse({ id, name: '  ' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'currency']));
    expect(customerCreateSchema.parse({ id, name: ' Acme ', currency: 'usd' })).toEqual({ id, name: 'Acme', currency: 'USD' });
  });

  it('rejects unknown currencies and countries', () => {
    expect(customerCreateSchema.safeParse({ id, name: 'A', currency: 'XYZ' }).success).toBe(false);
    expect(customerPatchSchema.safeParse({ country: 'UK' }).success).toBe(false);
    expect(customerPatchSchema.parse({ country: 'gb' })).toEqual({ country: 'GB' });
  });

  it('normalises money and rejects floats in disguise', () => {
    expect(customerPatchSchema.parse({ debitLimit: '250' })).toEqual({ debitLimit: '250.00' });
    expect(customerPatchSchema.safeParse({ debitLimit: '1e3' }).success).toBe(false);
    expect(customerPatchSchema.safeParse({ debitLimit: 100 }).success).toBe(false);
  });

  it('bounds every money input to 10^12 either way, so no balance can overflow its column', () => {
    const beyond = { error: { issues: [expect.objectContaining({ message: 'At most 1,000,000,000,000 either way' })] } };
    expect(customerPatchSchema.safeParse({ debitLimit: '1000000000000.01' })).toMatchObject(beyond);
    expect(customerPatchSchema.safeParse({ dailySpendLimit: '9999999999999999' })).toMatchObject(beyond);
    expect(customerCreateSchema.safeParse({ id, name: 'A', currency: 'EUR', credit: '-1000000000001' })).toMatchObject(beyond);
    expect(customerPatchSchema.parse({ debitLimit: '1000000000000' })).toEqual({ debitLimit: '1000000000000.00' });
    // A stored balance moved by call charges may lie beyond the input bound and still syncs.
    const c = makeCustomer({ credit: '-5000000000000.00' });
    expect(customerSchema.parse(c)).toEqual(c);
  });

  it('validates contacts: email or E.164 mobile required', () => {
    expect(contactSchema.safeParse({ name: 'N', type: 'noc' }).success).toBe(false);
    expect(contactSchema.parse({ name: 'N', type: 'noc', mobile: '+44 7700 900123' }).mobile).toBe('+447700900123');
    expect(contactSchema.safeParse({ name: 'N', type: 'noc', mobile: '07700900123' }).success).toBe(false);
    expect(contactSchema.parse({ name: 'N', type: 'billing', email: ' Billing@Acme.Example ' }).email).toBe('billing@acme.example');
  });

  it('validates IP authentication entries', () => {
    for (const ip of ['203.0.113.7', '198.51.100.0/24', '2001:db8::1', '2001:db8::/32']) {
      expect(ipAuthSchema.safeParse({ ip }).success, ip).toBe(true);
    }
    for (const ip of ['999.1.1.1', '10.0.0.0/33', 'example.com', '']) {
      expect(ipAuthSchema.safeParse({ ip }).success, ip).toBe(false);
    }
    expect(ipAuthSchema.parse({ ip: '203.0.113.7' })).toEqual({ ip: '203.0.113.7', direction: 'both', channels: 0, cps: 0, protocol: 'udp', port: 5060 });
  });

  it('validates routes and SIP users', () => {
    expect(routeSchema.safeParse({ rateCard: 'A', techPrefix: '12a' }).success).toBe(false);
    expect(customerPatchSchema.safeParse({ sipUsers: [{ username: 'ab' }] }).success).toBe(false);
    const dup = customerPatchSchema.safeParse({ sipUsers: [{ username: 'acme1', password: 'x'.repeat(12) }, { username: 'ACME1', password: 'y'.repeat(12) }] });
    expect(dup.success).toBe(false);
  });

  it('dedupes tags case-insensitively and caps their number', () => {
    expect(customerPatchSchema.parse({ tags: ['VIP', 'vip', ' retail '] }).tags).toEqual(['VIP', 'retail']);
    expect(customerPatchSchema.safeParse({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }).success).toBe(false);
  });
});
