import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { TrafficHistory } from '../../shared/traffic-history.js';
import type { JournalEntry } from '../sync/mutation-journal.js';

/**
 * One customer's traffic history for one window, as last fetched. Presets ("24h") keep a
 * single entry that each refresh replaces; a custom range keeps its own.
 */
export interface CachedTrafficHistory {
  customerId: string;
  /** `windowKey()` of the window: "24h", or "custom:<from>-<to>". */
  window: string;
  /** When the server answered, epoch ms: what "figures from …" tells. */
  fetchedAt: number;
  history: TrafficHistory;
}

/**
 * What belongs to this device and is not the shared truth (see the architecture notes):
 * cached history for the card's charts and the journal of saved changes. The
 * whole schema lives here so each new table is one more line in one more version.
 */
export class DeviceDb extends Dexie {
  trafficHistory!: Table<CachedTrafficHistory, [string, string]>;
  journal!: Table<JournalEntry, number>;

  constructor(name = 'trunkline-device', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      // Primary key first; fetchedAt is indexed so old entries can be pruned without a scan.
      trafficHistory: '[customerId+window], customerId, fetchedAt',
    });
    // Changes saved on this device that its replica may not have persisted yet, in order.
    this.version(2).stores({ journal: '++seq, userId' });
  }
}

let shared: DeviceDb | undefined;

/** The app's device database, opened on first use (Dexie opens it lazily on the first query). */
export function deviceDb(): DeviceDb {
  shared ??= new DeviceDb();
  return shared;
}

/**
 * Deletes everything this device kept for the signed-in user (on sign-out): the next
 * person to use the browser sees none of it.
 */
export async function clearDeviceData(): Promise<void> {
  const db = deviceDb();
  shared = undefined;
  db.close();
  await Dexie.delete(db.name);
}
