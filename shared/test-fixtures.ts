import type { Customer } from './customer.js';
import type { CustomerMetrics } from './metrics.js';

/** A complete, valid customer for tests; override what the test is about. */
export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01',
    name: 'Acme Telecom Ltd',
    status: 'active',
    currency: 'USD',
    credit: '100.00',
    debitLimit: '0.00',
    channels: 30,
    cpsLimit: 5,
    tags: ['wholesale'],
    portalAccess: true,
    contacts: [{ name: 'Ann Noc', email: 'noc@acme.example', type: 'noc', emailVerified: true, mobileVerified: false }],
    ipAuth: [{ ip: '203.0.113.10', direction: 'both', channels: 0, cps: 0, protocol: 'udp', port: 5060 }],
    sipUsers: [],
    routes: [{ rateCard: 'Standard', techPrefix: '', enabled: true }],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * Valid live figures for tests: 100 attempts and 57 answered in the last hour (ACD
 * 4:52, PDD 3.2 s), 12 channels up; override what the test is about.
 */
export function makeCustomerMetrics(overrides: Partial<CustomerMetrics> = {}): CustomerMetrics {
  return {
    h1: [100, 57, 57 * 292_000, 32_000, 10, 20, 15, 3],
    h24: [2400, 1300, 1300 * 280_000, 3_000 * 200, 200, 500, 400, 100],
    cps: 1.4,
    cpsPeak: 6,
    ch: 12,
    last: Date.parse('2026-02-01T11:58:00Z'),
    at: Date.parse('2026-02-01T12:00:00Z'),
    ...overrides,
  };
}
