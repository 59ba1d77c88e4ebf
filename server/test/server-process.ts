import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A real `server/main.ts` process, as production runs it, on a port the OS picked. */
export interface ServerProcess {
  url: string;
  pid: number;
  output(): string;
  /** True until the process has exited, for whatever reason. */
  running(): boolean;
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash or the OOM killer would: nothing is cleaned up. */
  kill(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');
const LISTENING = /Trunkline is running at http:\/\/[^:]+:(\d+)/;

/**
 * Starts the server on `databaseUrl` and resolves once it logs that it is listening.
 * Without `staticDir` it serves an empty folder (API-only tests).
 */
export async function startServerProcess(
  databaseUrl: string,
  opts: { staticDir?: string; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const tempStatic = opts.staticDir ? undefined : mkdtempSync(join(tmpdir(), 'trunkline-static-'));
  const staticDir = opts.staticDir ?? tempStatic!;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', STATIC_DIR: staticDir, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      log += String(chunk);
      const match = LISTENING.exec(log);
      if (match) done(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code} before listening:\n${log}`)));
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => log,
    running,
    exited,
    async kill() {
      if (running()) {
        child.kill('SIGKILL');
        await exited;
      }
      if (tempStatic) rmSync(tempStatic, { recursive: true, force: true });
    },
    async stop() {
      if (running()) {
        child.kill('SIGTERM');
        await exited;
      }
      if (tempStatic) rmSync(tempStatic, { recursive: true, force: true });
    },
  };
}
