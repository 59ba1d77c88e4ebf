import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../test/server-process.js';
import { LOCK_FILE } from './data-dir-lock.js';

/** Real server processes on one embedded data directory (no DATABASE_URL). */
const dataDir = mkdtempSync(join(tmpdir(), 'trunkline-one-dir-'));
const started: ServerProcess[] = [];

const start = async () => {
  const server = await startServerProcess('', { env: { DATA_DIR: dataDir } });
  started.push(server);
  return server;
};
const healthy = async (server: ServerProcess) => (await fetch(`${server.url}/api/healthz`)).status === 200;

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('one server per embedded data directory', () => {
  it('refuses a second server on the same directory, and lets the next one start after a crash', async () => {
    const first = await start();
    await expect(start()).rejects.toThrow(
      `Another Trunkline server (pid ${first.pid}) is using the data directory ${dataDir}; stop it or set DATA_DIR`,
    );
    expect(await healthy(first)).toBe(true);

    // kill -9 leaves the claim behind; it names a process that no longer runs.
    await first.kill();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    const next = await start();
    expect(await healthy(next)).toBe(true);
    await next.stop();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 180_000);
});
