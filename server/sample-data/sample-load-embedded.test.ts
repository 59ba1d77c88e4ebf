import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleDataResponse } from '../../shared/api.js';
import { SseStream } from '../sync/test-support/sse-stream.js';
import { setupAdmin } from '../test/api-client.js';
import { startServerProcess, type ServerProcess } from '../test/server-process.js';

let dataDir: string;
let server: ServerProcess;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'trunkline-data-'));
  // No DATABASE_URL: the embedded database, whose single connection a load must share.
  server = await startServerProcess('', { env: { DATA_DIR: dataDir } });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a large sample-data load on the embedded database', () => {
  it('answers health checks between its batches, and pokes devices as each batch commits', async () => {
    const admin = await setupAdmin(server.url);
    const pokes = await SseStream.open(admin);
    try {
      let finished = false;
      const load = admin.postOk<SampleDataResponse>('/api/sample-data', { count: 20_000 }).finally(() => {
        finished = true;
      });
      // The first batch has committed while the load goes on.
      await Promise.race([pokes.next('poke'), load]);
      let answeredMeanwhile = 0;
      while (!finished) {
        const res = await fetch(`${server.url}/api/healthz`);
        expect(res.status).toBe(200);
        if (!finished) answeredMeanwhile += 1;
      }
      expect(await load).toEqual({ created: 20_000 });
      expect(answeredMeanwhile).toBeGreaterThanOrEqual(3);
    } finally {
      pokes.close();
    }
  }, 180_000);
});
