import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SampleDataResponse } from '../shared/api.js';
import { setupAdmin } from '../server/test/api-client.js';
import { startServerProcess } from '../server/test/server-process.js';
import { describeMachine } from './machine.js';
import { writeBenchmarkSection } from './markdown-sections.js';

/**
 * `npx tsx bench/sample-load-health.ts [count]`: how long health checks take while a
 * sample-data load of `count` (default 100,000) customers runs on the EMBEDDED database,
 * whose single connection the load shares. A health check is sent every 100 ms whatever
 * is still in flight, as a load balancer would; prints the latencies of those sent while
 * the load ran and writes them into BENCHMARKS.md (its own section). `npm run bench` runs it.
 */
const COUNT = Number(process.argv[2] ?? 100_000);
const PROBE_EVERY_MS = 100;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trunkline-bench-data-'));
  const server = await startServerProcess('', { env: { DATA_DIR: dataDir } });
  try {
    const admin = await setupAdmin(server.url, 'bench@carrier.example');
    const latencies: number[] = [];
    const probes: Promise<void>[] = [];
    let running = true;
    const probe = async () => {
      const sent = performance.now();
      const res = await fetch(`${server.url}/api/healthz`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`healthz answered ${res.status}`);
      latencies.push(performance.now() - sent);
    };
    const timer = setInterval(() => running && probes.push(probe()), PROBE_EVERY_MS);
    const started = performance.now();
    const { created } = await admin.postOk<SampleDataResponse>('/api/sample-data', { count: COUNT });
    const loadMs = performance.now() - started;
    running = false;
    clearInterval(timer);
    await Promise.all(probes);
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    const result =
      `Loaded ${created.toLocaleString('en')} customers on the embedded database in ${(loadMs / 1000).toFixed(1)} s; ` +
      `${sorted.length} health checks meanwhile: median ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms.`;
    console.info(result);
    const m = describeMachine();
    const section = [
      '## Health checks during a sample-data load',
      '',
      `\`bench/sample-load-health.ts\` on ${new Date().toISOString().slice(0, 10)} (${m.cpu}, ${m.cores} cores): an admin loads ` +
        `${COUNT.toLocaleString('en')} sample customers into the embedded database (one connection, shared with every request) ` +
        `while a health check is sent every ${PROBE_EVERY_MS} ms. Goal: every check answered within 1 s.`,
      '',
      result,
      '',
    ].join('\n');
    writeBenchmarkSection(section);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
