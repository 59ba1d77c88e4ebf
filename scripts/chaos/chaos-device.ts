import type { Customer } from '../../shared/customer.js';
import { chunkPush } from '../../shared/push-chunks.js';
import type { PushMutation } from '../../shared/sync-protocol.js';
import { HttpFailure, httpTransport, TestSyncClient } from '../../server/sync/test-support/test-sync-client.js';
import type { ApiClient } from '../../server/test/api-client.js';
import type { PlannedMutation } from './random-mutations.js';

/** A mutation the device made, with what the harness expects of it. */
export interface MadeMutation extends PlannedMutation {
  id: number;
}

/**
 * One simulated device, behaving as Replicache does: every change gets the next
 * mutation id and waits in a pending queue; a sync pushes the whole queue (in chunks the
 * server accepts), then pulls, and drops what the server reports as processed. A failed
 * push or pull (server down, connection reset, 5xx) leaves the queue as it is for the
 * next sync. Offline, it keeps making changes and does not sync.
 */
export class ChaosDevice {
  readonly client: TestSyncClient;
  readonly made: MadeMutation[] = [];
  pending: PushMutation[] = [];
  online = true;
  /** Failed syncs by cause (`network`, `HTTP 503 unavailable`...): a 4xx here would be a stuck device. */
  readonly failures = new Map<string, number>();

  constructor(
    readonly tag: string,
    readonly api: ApiClient,
  ) {
    this.client = new TestSyncClient(httpTransport(api));
  }

  make(plan: PlannedMutation): void {
    const mutation = this.client.rawMutation(plan.name, plan.args);
    this.pending.push(mutation);
    this.made.push({ ...plan, id: mutation.id });
  }

  customers(): Customer[] {
    return this.client.customers();
  }

  get lastMadeID(): number {
    return this.made.at(-1)?.id ?? 0;
  }

  /** Push what is pending, then pull; false when either failed (try again later). */
  async sync(): Promise<boolean> {
    try {
      for (const chunk of chunkPush({ mutations: this.pending })) await this.client.push(...chunk.mutations);
      await this.client.pullAll();
      const done = this.client.lastMutationID;
      this.pending = this.pending.filter((m) => m.id > done);
      return true;
    } catch (error) {
      const cause = error instanceof HttpFailure ? `HTTP ${error.status} ${error.code}` : 'network';
      this.failures.set(cause, (this.failures.get(cause) ?? 0) + 1);
      return false;
    }
  }

  /** True once the server has processed every change this device made and the device holds it. */
  get settled(): boolean {
    return this.pending.length === 0 && this.client.lastMutationID >= this.lastMadeID;
  }
}
