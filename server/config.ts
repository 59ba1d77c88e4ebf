import { resolve } from 'node:path';

/** Everything the server reads from the environment, read once at start. See README "Configuration". */
export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Origins allowed to make state-changing requests besides the server's own (comma-separated PUBLIC_ORIGIN). */
  allowedOrigins: string[];
  sessionDays: number;
  /** Cookies get the Secure flag: on by default except on plain-http localhost. */
  secureCookies: boolean | 'auto';
  /** SIP digest realm used to hash SIP user passwords (HA1). */
  sipRealm: string;
  staticDir: string;
  /** Rows per pull response while a client catches up (the first sync of 100k customers is paged). */
  pullPageSize: number;
  /** Days of call records kept; older daily partitions are dropped. */
  cdrRetentionDays: number;
  /** Days of hourly traffic counters kept for charts. */
  rollupRetentionDays: number;
  /** Days the server remembers which changes it applied, so a device's journal replay never applies one twice. */
  intentRetentionDays: number;
  /** Longest call: a call with no end event stops counting as a live channel after this many seconds. */
  maxCallSeconds: number;
  /** How often changed traffic figures are recomputed and published to clients. */
  metricsRefreshMs: number;
  /** Poke streams this process keeps open at most, over all sessions. */
  maxPokeStreams: number;
  /** How often an idle poke stream sends a heartbeat and re-checks its session. */
  pokeHeartbeatMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    allowedOrigins: (env.PUBLIC_ORIGIN ?? '').split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean),
    sessionDays: Number(env.SESSION_DAYS ?? 30),
    secureCookies: env.SECURE_COOKIES === 'true' ? true : env.SECURE_COOKIES === 'false' ? false : 'auto',
    sipRealm: env.SIP_REALM ?? 'trunkline',
    staticDir: resolve(env.STATIC_DIR ?? 'dist'),
    pullPageSize: Number(env.PULL_PAGE_SIZE ?? 20_000),
    cdrRetentionDays: positive(env, 'CDR_RETENTION_DAYS', 90),
    rollupRetentionDays: positive(env, 'ROLLUP_RETENTION_DAYS', 400),
    intentRetentionDays: positive(env, 'INTENT_RETENTION_DAYS', 180),
    maxCallSeconds: positive(env, 'MAX_CALL_SECONDS', 4 * 3600),
    metricsRefreshMs: positive(env, 'METRICS_REFRESH_MS', 2000),
    maxPokeStreams: positive(env, 'MAX_POKE_STREAMS', 2000),
    pokeHeartbeatMs: positive(env, 'POKE_HEARTBEAT_MS', 25_000),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${env[name]}`);
  return value;
}
