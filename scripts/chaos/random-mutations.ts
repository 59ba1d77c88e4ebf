import { randomUUID } from 'node:crypto';
import type { Customer } from '../../shared/customer.js';
import type { SeededRandom } from '../../server/sample-data/seeded-random.js';

/** A mutation a chaos device makes, and what the harness expects of it. */
export interface PlannedMutation {
  name: string;
  args: unknown;
  /** Made to be refused (bad value, unknown customer...): applying it would be a bug. */
  invalid: boolean;
  /** A payment or adjustment, recognisable in the ledger by this reason: it must land exactly once or be refused. */
  ledgerReason?: string;
}

/** What a device sees when it picks its next change: the customers it last pulled. */
export interface DeviceView {
  /** A label unique to the device, for names and ledger reasons. */
  tag: string;
  customers: readonly Customer[];
}

const pick = <T>(rng: SeededRandom, list: readonly T[]): T => list[rng.int(0, list.length - 1)]!;
const sample = <T>(rng: SeededRandom, list: readonly T[], n: number): T[] => Array.from({ length: Math.min(n, list.length) }, () => pick(rng, list));
const amount = (rng: SeededRandom) => `${rng.int(1, 500)}.${String(rng.int(0, 99)).padStart(2, '0')}`;

/**
 * The next random change of a device: edits, bulk edits, status changes, payments,
 * deletes, restores and creations, and about one in eight made to be refused (a NUL in
 * a name, notes or route, an amount that would overflow the balance, a duplicate name, an
 * unknown customer or change). `seq` makes names and ledger reasons unique.
 */
export function randomMutation(rng: SeededRandom, view: DeviceView, seq: number): PlannedMutation {
  const anchors = anchorIds(view.customers);
  const live = view.customers.filter((c) => !c.deletedAt);
  const trashed = view.customers.filter((c) => c.deletedAt);
  const name = `Chaos ${view.tag}-${seq}`;
  const reason = `chaos ${view.tag}-${seq}`;
  const roll = rng.next();
  if (roll < 0.125 || live.length < 2) return invalidMutation(rng, view, live, seq);
  const one = pick(rng, live);
  const movable = !anchors.has(one.id);
  if (roll < 0.35) {
    const patches = [
      movable ? { name } : { cpsLimit: rng.int(0, 50) },
      { channels: rng.int(0, 500) },
      { notes: `Checked by ${view.tag} (${seq})` },
      { routes: [{ rateCard: `Card ${rng.int(1, 9)}`, techPrefix: String(rng.int(0, 99)), enabled: rng.chance(0.8) }] },
      { tags: [`t${rng.int(1, 6)}`] },
      { accountManager: `Manager ${rng.int(1, 5)}` },
    ];
    return { name: 'updateCustomer', args: { id: one.id, patch: pick(rng, patches) }, invalid: false };
  }
  if (roll < 0.45) {
    const ids = sample(rng, live, rng.int(2, 40)).map((c) => c.id);
    const patches = [{ status: pick(rng, ['active', 'inactive'] as const) }, { channels: rng.int(0, 300) }, { tags: { mode: 'add', values: [`b${rng.int(1, 4)}`] } }, { portalAccess: rng.chance(0.5) }];
    return { name: 'bulkUpdateCustomers', args: { ids, patch: pick(rng, patches) }, invalid: false };
  }
  if (roll < 0.55) {
    const ids = sample(rng, live, rng.int(1, 20)).map((c) => c.id);
    return { name: 'setCustomerStatus', args: { ids, status: pick(rng, ['active', 'inactive', 'pending'] as const) }, invalid: false };
  }
  if (roll < 0.8) {
    const kind = rng.chance(0.7) ? 'payment' : 'adjustment';
    const value = amount(rng);
    return {
      name: 'postBalanceEntry',
      args: { customerId: one.id, kind, amount: kind === 'adjustment' && rng.chance(0.5) ? `-${value}` : value, reason },
      invalid: false,
      ledgerReason: reason,
    };
  }
  if (roll < 0.86 && movable) return { name: 'deleteCustomers', args: { ids: [one.id] }, invalid: false };
  if (roll < 0.93 && trashed.length > 0) return { name: 'restoreCustomers', args: { ids: [pick(rng, trashed).id] }, invalid: false };
  return { name: 'createCustomer', args: { id: randomUUID(), name, currency: pick(rng, ['EUR', 'USD', 'GBP']), credit: amount(rng) }, invalid: false };
}

/**
 * A few customers no device renames or deletes, so that renaming another customer to one
 * of their names is a duplicate whatever the others did meanwhile: the lowest ids among
 * those not named by a device (sample customers keep their names only while unrenamed,
 * and these never are), the same on every device.
 */
function anchorIds(customers: readonly Customer[]): Set<string> {
  const named = customers.filter((c) => !c.name.startsWith('Chaos '));
  return new Set(named.map((c) => c.id).sort().slice(0, ANCHORS));
}
const ANCHORS = 5;

function invalidMutation(rng: SeededRandom, view: DeviceView, live: readonly Customer[], seq: number): PlannedMutation {
  const one = live.length > 0 ? pick(rng, live) : undefined;
  const anchors = anchorIds(view.customers);
  const other = view.customers.find((c) => anchors.has(c.id) && c.id !== one?.id && !c.deletedAt);
  const reason = `chaos ${view.tag}-${seq}`;
  const choices: PlannedMutation[] = [
    { name: 'updateCustomer', args: { id: randomUUID(), patch: { channels: 5 } }, invalid: true },
    { name: 'launchRockets', args: {}, invalid: true },
    { name: 'bulkUpdateCustomers', args: { ids: [], patch: {} }, invalid: true },
  ];
  if (one) {
    choices.push(
      { name: 'updateCustomer', args: { id: one.id, patch: { name: `Bad\u0000Name ${seq}` } }, invalid: true },
      { name: 'updateCustomer', args: { id: one.id, patch: { notes: `nul \u0000 in notes ${seq}` } }, invalid: true },
      { name: 'updateCustomer', args: { id: one.id, patch: { routes: [{ rateCard: 'Card\u0000X', techPrefix: '', enabled: true }] } }, invalid: true },
      { name: 'postBalanceEntry', args: { customerId: one.id, kind: 'payment', amount: '9999999999999999.9999', reason }, invalid: true, ledgerReason: reason },
      { name: 'postBalanceEntry', args: { customerId: one.id, kind: 'payment', amount: '-5.00', reason }, invalid: true, ledgerReason: reason },
    );
  }
  if (one && other) choices.push({ name: 'updateCustomer', args: { id: one.id, patch: { name: other.name } }, invalid: true });
  return pick(rng, choices);
}
