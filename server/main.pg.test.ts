import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test/test-database.js';

const root = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'trunkline-main-'));

interface Running {
  child: ChildProcess;
  output: string[];
  url: string;
  exited: Promise<number | null>;
  /** Resolves with the first line (stdout or stderr, already printed or yet to come) matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string>;
}

/** Starts `server/main.ts` as `npm run serve` would, and waits for its "running at" line. */
function startMain(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', STATIC_DIR: join(tmp, 'no-build'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = output.find((line) => pattern.test(line));
      if (seen !== undefined) resolve(seen);
      else waiting.push({ pattern, resolve });
    });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      for (const w of waiting.filter((x) => x.pattern.test(line))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    });
  }
  return new Promise((resolve, reject) => {
    void waitFor(/^Trunkline is running at http:\/\/localhost:\d+$/).then((line) => {
      const port = line.split(':').pop()!;
      resolve({ child, output, url: `http://127.0.0.1:${port}`, exited, waitFor });
    });
    void exited.then((code) => reject(new Error(`main exited with ${code} before listening:\n${output.join('\n')}`)));
  });
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('server/main.ts', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('starts on PostgreSQL, migrates, serves, warns about a missing build, and stops cleanly on SIGTERM', async () => {
    const main = await startMain({ DATABASE_URL: db.url });
    try {
      expect(await main.waitFor(/Applied database migrations/)).toMatch(/0001_initial\.sql/);
      expect(await main.waitFor(/no client build/)).toMatch(/Run "npm run build"/);
      expect(await (await fetch(`${main.url}/api/healthz`)).json()).toEqual({ ok: true });
      expect(await (await fetch(`${main.url}/api/auth/state`)).json()).toEqual({ needsSetup: true });
    } finally {
      main.child.kill('SIGTERM');
    }
    expect(await main.exited).toBe(0);

    // A second start finds nothing to migrate.
    const again = await startMain({ DATABASE_URL: db.url });
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect(again.output.join('\n')).not.toMatch(/Applied database migrations/);
  });

  it('starts on the embedded database when no DATABASE_URL is set', async () => {
    const main = await startMain({ DATA_DIR: join(tmp, 'data') });
    try {
      expect(await main.waitFor(/Using the embedded database/)).toContain(join(tmp, 'data'));
      expect(await (await fetch(`${main.url}/api/auth/state`)).json()).toEqual({ needsSetup: true });
    } finally {
      main.child.kill('SIGTERM');
    }
    expect(await main.exited).toBe(0);
    // Creating an embedded database takes tens of seconds on a busy 2-core machine.
  }, 120_000);

  it('exits with a clear message when the database cannot be reached', async () => {
    await expect(startMain({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' })).rejects.toThrow(
      /exited with 1[\s\S]*Cannot connect to the database at DATABASE_URL/,
    );
  });
});
