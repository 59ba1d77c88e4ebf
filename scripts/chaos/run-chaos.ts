import { setTimeout as wait } from 'node:timers/promises';
import type { CreateApiKeyResponse } from '../../shared/api.js';
import { SeededRandom } from '../../server/sample-data/seeded-random.js';
import { ApiClient, addUser, setupAdmin, TEST_PASSWORD } from '../../server/test/api-client.js';
import { ChaosDevice } from './chaos-device.js';
import { callRecordLosses, chargeMismatches, creditMismatches, judgeMutations, replicaFingerprint, type MutationOutcome } from './chaos-checks.js';
import { ChaosServer, harnessSql } from './chaos-server.js';
import { ChaosSwitch } from './chaos-switch.js';
import { planFaults, type Fault } from './fault-plan.js';
import { randomMutation } from './random-mutations.js';

export interface ChaosOptions {
  databaseUrl: string;
  devices: number;
  mutationsPerDevice: number;
  kills: number;
  terminations: number;
  customers: number;
  seed: string;
  /** Call records per batch the switch posts. */
  cdrBatch: number;
  /** Longest an offline period lasts. */
  maxOfflineMs: number;
  /** How long convergence may take after the last fault before the run gives up. */
  convergeTimeoutMs: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  options: Omit<ChaosOptions, 'databaseUrl' | 'log'>;
  mutations: MutationOutcome;
  callRecords: { acknowledged: number; lost: number; duplicated: number; refused: number; resent: number };
  creditMismatches: number;
  /** Customers whose charge ledger entries differ from their call records' charges (a batch debited twice or not at all). */
  chargeMismatches: number;
  devicesConverged: number;
  /** Server processes that exited without being killed (each restarted by the supervisor). */
  unexpectedExits: string[];
  faults: { kills: number; terminations: number; backendsTerminated: number };
  /** Failed syncs by cause over all devices (a 4xx would be a device that cannot sync). */
  syncFailures: Record<string, number>;
  /** From the end of the last fault until every device held the server's state. */
  convergeMs: number;
  durationMs: number;
}

/**
 * The chaos run: devices make random changes (some invalid) with offline periods, a
 * switch posts call records, and meanwhile the server is killed with SIGKILL and its
 * database connections are terminated. Then every device syncs until it holds the
 * server's state, and the database is checked: every change applied once or refused,
 * credit equal to the ledger, charges equal to the call records', every acknowledged
 * call record stored once.
 */
export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const log = o.log ?? (() => {});
  const started = performance.now();
  const rng = new SeededRandom(o.seed);
  const server = await ChaosServer.start(o.databaseUrl);
  const sql = harnessSql(o.databaseUrl);
  try {
    // 1. An organisation, its customers, a switch key, and the devices, each signed in on its own.
    const admin = await setupAdmin(server.url);
    await admin.postOk('/api/sample-data', { count: o.customers });
    const { key } = await admin.postOk<CreateApiKeyResponse>('/api/api-keys', { name: 'Chaos switch' });
    await addUser(admin, 'operator', 'operator@carrier.example');
    await addUser(admin, 'viewer', 'viewer@carrier.example');
    const devices: ChaosDevice[] = [];
    for (let i = 0; i < o.devices; i++) {
      // One device in ten belongs to a viewer, whose every change must be refused.
      const email = i % 10 === 9 ? 'viewer@carrier.example' : i % 2 === 0 ? 'admin@carrier.example' : 'operator@carrier.example';
      const api = new ApiClient(server.url);
      await api.postOk('/api/auth/login', { email, password: TEST_PASSWORD });
      const device = new ChaosDevice(`d${i}`, api);
      await device.client.pullAll();
      devices.push(device);
    }
    const customers = await sql<{ id: string; currency: string }[]>`select id, currency from customers`;
    const sw = new ChaosSwitch(server.url, key, customers, rng, o.cdrBatch);
    sw.start(150, wait);
    log(`${o.devices} devices, ${customers.length} customers; making ${o.devices * o.mutationsPerDevice} changes`);

    // 2. Devices work while the faults strike at planned points of the total progress.
    const total = o.devices * o.mutationsPerDevice;
    const faults = planFaults(o.kills, o.terminations);
    const faultCounts = { kills: 0, terminations: 0, backendsTerminated: 0 };
    let made = 0;
    let lastFaultEnd = performance.now();
    let faultChain = Promise.resolve();
    const strike = (fault: Fault) => {
      faultChain = faultChain.then(async () => {
        if (fault === 'kill') {
          await server.kill9AndRestart();
          faultCounts.kills += 1;
        } else {
          faultCounts.backendsTerminated += await server.terminateBackends(sql);
          faultCounts.terminations += 1;
        }
        lastFaultEnd = performance.now();
        log(`fault: ${fault} at ${Math.round((made / total) * 100)}%`);
      });
    };
    const pendingFaults = [...faults];
    await Promise.all(
      devices.map(async (device, i) => {
        const drng = new SeededRandom(`${o.seed}/${i}`);
        let lastSync = 0;
        for (let n = 0; n < o.mutationsPerDevice; n++) {
          if (device.online && drng.chance(0.01)) {
            device.online = false;
            const back = performance.now() + drng.int(200, o.maxOfflineMs);
            void wait(back - performance.now()).then(() => (device.online = true));
          }
          device.make(randomMutation(drng, { tag: device.tag, customers: device.customers() }, n));
          made += 1;
          while (pendingFaults.length > 0 && made / total >= pendingFaults[0]!.at) strike(pendingFaults.shift()!.fault);
          if (device.online && performance.now() - lastSync > 150) {
            await device.sync();
            lastSync = performance.now();
          }
          await wait(drng.int(20, 150));
        }
      }),
    );
    for (const rest of pendingFaults) strike(rest.fault);
    await faultChain;
    await sw.stop();
    log('changes made; converging');

    // 3. Every device online again, syncing until it holds what a fresh device would get.
    for (const d of devices) d.online = true;
    const converged = await converge(devices, admin, o.convergeTimeoutMs);
    const convergeMs = performance.now() - lastFaultEnd;
    log(`converged ${converged}/${devices.length} in ${Math.round(convergeMs)} ms after the last fault`);

    // 4. Judge from the database.
    const mutations = await judgeMutations(sql, devices);
    const cdrs = await callRecordLosses(sql, sw.acknowledged);
    const syncFailures: Record<string, number> = {};
    for (const d of devices) for (const [cause, n] of d.failures) syncFailures[cause] = (syncFailures[cause] ?? 0) + n;
    const { databaseUrl: _url, log: _log, ...options } = o;
    return {
      options,
      mutations,
      callRecords: { acknowledged: sw.acknowledged.size, ...cdrs, refused: sw.refused, resent: sw.retries },
      creditMismatches: await creditMismatches(sql),
      chargeMismatches: await chargeMismatches(sql),
      devicesConverged: converged,
      unexpectedExits: server.unexpectedExits,
      faults: faultCounts,
      syncFailures,
      convergeMs,
      durationMs: performance.now() - started,
    };
  } finally {
    await sql.end({ timeout: 5 });
    await server.stop();
  }
}

/** Syncs every device until each holds the state a freshly synced device gets; returns how many do. */
async function converge(devices: readonly ChaosDevice[], admin: ApiClient, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  const truth = new ChaosDevice('truth', admin);
  let matching = 0;
  while (performance.now() < deadline) {
    const synced = await Promise.all(devices.map((d) => d.sync()));
    if (synced.every(Boolean) && devices.every((d) => d.settled) && (await truth.sync())) {
      const expected = replicaFingerprint(truth);
      matching = devices.filter((d) => replicaFingerprint(d) === expected).length;
      if (matching === devices.length) return matching;
    }
    await wait(200);
  }
  return matching;
}
