/**
 * Call records for the traffic benchmarks: realistic field values (mixed outcomes, PDD,
 * talk time, charges) spread over the customers given, as ready-to-send JSON bodies.
 */
export interface BenchCustomer {
  id: string;
  currency: string;
}

const OUTCOMES = [200, 200, 200, 200, 200, 486, 480, 603, 503, 404, 302];

export function cdrBatches(customers: readonly BenchCustomer[], total: number, batchSize: number, endMs: number, runId: string): string[] {
  const bodies: string[] = [];
  let n = 0;
  for (let start = 0; start < total; start += batchSize) {
    const records: unknown[] = [];
    for (let i = start; i < Math.min(total, start + batchSize); i++) {
      n += 1;
      const c = customers[i % customers.length]!;
      // As a switch sends them: each record as its call ends (within the last 30 s), so
      // start times spread back by the call's length (ACD about 5 minutes).
      const endedAt = endMs - ((n * 7919) % 30_000);
      const sipCode = OUTCOMES[n % OUTCOMES.length]!;
      const answered = sipCode === 200;
      const talkMs = answered ? 10_000 + ((n * 104_729) % 590_000) : 0;
      const pddMs = 1000 + (n % 5000);
      const answeredAt = answered ? endedAt - talkMs : undefined;
      const ringingAt = sipCode === 302 ? undefined : (answeredAt ?? endedAt - 2000) - 3000;
      const startedAt = (ringingAt ?? endedAt - 2000) - pddMs;
      records.push({
        callId: `${runId}-${n}`,
        customerId: c.id,
        startedAt: new Date(startedAt).toISOString(),
        ringingAt: ringingAt === undefined ? undefined : new Date(ringingAt).toISOString(),
        answeredAt: answeredAt === undefined ? undefined : new Date(answeredAt).toISOString(),
        endedAt: new Date(endedAt).toISOString(),
        sipCode,
        cli: '442079460000',
        destination: `4930${(n % 9_000_000) + 1_000_000}`,
        destinationName: 'Germany Fixed',
        rate: 0.0042,
        charge: answered ? '0.0123' : '0',
        currency: c.currency,
      });
    }
    bodies.push(JSON.stringify(records));
  }
  return bodies;
}
