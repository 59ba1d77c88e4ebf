import type { SeededRandom } from '../../server/sample-data/seeded-random.js';

export interface SwitchCustomer {
  id: string;
  currency: string;
}

/**
 * A softswitch posting finished call records with charges, as a real one does: a batch
 * is sent again, unchanged, until the server acknowledges it (HTTP 200), however many
 * times the server dies or answers 5xx meanwhile. What was acknowledged must be stored
 * exactly once.
 */
export class ChaosSwitch {
  /** Call ids of acknowledged batches. */
  readonly acknowledged = new Set<string>();
  /** Records the server refused in acknowledged batches (none expected: all are valid). */
  refused = 0;
  retries = 0;
  #seq = 0;
  #running = false;
  #loop: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    private readonly customers: readonly SwitchCustomer[],
    private readonly rng: SeededRandom,
    private readonly batchSize: number,
  ) {}

  start(pauseMs: number, wait: (ms: number) => Promise<void>): void {
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        await this.#deliver(this.#batch(), wait);
        await wait(pauseMs);
      }
    })();
  }

  /** Stops after the batch under way is acknowledged. */
  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }

  #batch(): Record<string, unknown>[] {
    const now = Date.now();
    return Array.from({ length: this.batchSize }, () => {
      const customer = this.customers[this.rng.int(0, this.customers.length - 1)]!;
      const start = now - this.rng.int(60_000, 600_000);
      const answered = this.rng.chance(0.6);
      this.#seq += 1;
      return {
        callId: `chaos-${this.#seq}`,
        customerId: customer.id,
        startedAt: start,
        ringingAt: start + 1500,
        ...(answered ? { answeredAt: start + 4000 } : {}),
        endedAt: start + (answered ? 4000 + this.rng.int(5, 600) * 1000 : 9000),
        sipCode: answered ? 200 : 486,
        destination: '442071234567',
        charge: answered ? `0.${String(this.rng.int(1, 9999)).padStart(4, '0')}` : '0',
        currency: customer.currency,
      };
    });
  }

  async #deliver(batch: Record<string, unknown>[], wait: (ms: number) => Promise<void>): Promise<void> {
    const body = JSON.stringify(batch);
    for (;;) {
      try {
        const res = await fetch(`${this.url}/api/ingest/cdrs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
          body,
        });
        if (res.ok) {
          const result = (await res.json()) as { rejected: unknown[] };
          this.refused += result.rejected.length;
          for (const record of batch) this.acknowledged.add(record.callId as string);
          return;
        }
        await res.body?.cancel();
      } catch {
        // The server is down or the connection broke: the same batch goes again.
      }
      this.retries += 1;
      await wait(100);
    }
  }
}
