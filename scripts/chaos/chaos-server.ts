import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres, { type Sql } from 'postgres';
import { freePort } from '../../server/test/free-port.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LISTENING = /Trunkline is running at/;
/** The harness's own database connections carry this name, so terminating "the app's" spares them. */
export const HARNESS_APP_NAME = 'trunkline-chaos';

/**
 * The server under test, supervised as systemd would: one `server/main.ts` process on a
 * fixed port (devices keep their URL across restarts), killed with SIGKILL and started
 * again on demand. A process that exits on its own is restarted too, and counted: that
 * is the failure the chaos run exists to find.
 */
export class ChaosServer {
  readonly url: string;
  /** Exits nobody asked for, with the end of the process's output. */
  readonly unexpectedExits: string[] = [];
  #child: ChildProcess | undefined;
  #log = '';
  #killing = false;
  #stopped = false;
  readonly #staticDir = mkdtempSync(join(tmpdir(), 'trunkline-chaos-static-'));

  private constructor(
    private readonly databaseUrl: string,
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<ChaosServer> {
    const server = new ChaosServer(databaseUrl, await freePort(), env);
    await server.#spawn();
    return server;
  }

  /** `kill -9`, then a fresh process on the same port and database. */
  async kill9AndRestart(): Promise<void> {
    const child = this.#child!;
    this.#killing = true;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGKILL');
    await exited;
    this.#killing = false;
    await this.#spawn();
  }

  /** Terminates every backend of the server's database but the harness's own: a restart or failover as the app sees it. */
  async terminateBackends(admin: Sql): Promise<number> {
    const [row] = await admin<{ n: number }[]>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and coalesce(application_name, '') <> ${HARNESS_APP_NAME}`;
    return row!.n;
  }

  output(): string {
    return this.#log;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const child = this.#child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.#staticDir, { recursive: true, force: true });
  }

  async #spawn(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: this.databaseUrl, PORT: String(this.port), HOST: '127.0.0.1', STATIC_DIR: this.#staticDir, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    let fresh = '';
    await new Promise<void>((done, fail) => {
      const onData = (chunk: Buffer) => {
        this.#log = (this.#log + String(chunk)).slice(-200_000);
        if (fresh.length < 10_000) fresh += String(chunk);
        if (LISTENING.test(fresh)) done();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => fail(new Error(`server exited (${code ?? signal}) before listening:\n${this.#log.slice(-4000)}`)));
    });
    child.once('exit', (code, signal) => {
      if (this.#killing || this.#stopped) return;
      this.unexpectedExits.push(`exit ${code ?? signal}:\n${this.#log.slice(-3000)}`);
      void this.#spawn().catch((e: unknown) => this.unexpectedExits.push(`restart failed: ${String(e)}`));
    });
  }
}

/** A connection of the harness's own to the server's database (spared by `terminateBackends`). */
export function harnessSql(databaseUrl: string): Sql {
  return postgres(databaseUrl, { max: 4, onnotice: () => {}, connection: { application_name: HARNESS_APP_NAME } });
}
