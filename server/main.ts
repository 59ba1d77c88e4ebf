import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { assertDriverPatched } from './db/driver-patch.js';
import { migrate } from './db/migrate.js';
import { clientIsBuilt } from './http/static-files.js';
import { MetricsPublisher, REFRESH_LOCK } from './metrics/metrics-publisher.js';
import { applyTrafficRetention } from './metrics/traffic-retention.js';
import { pruneAppliedIntents } from './sync/intent-retention.js';
import { createPokeBus } from './sync/poke-bus.js';

/** Retention runs this often. */
const RETENTION_EVERY_MS = 10 * 60_000;

/** How long in-flight requests get to finish on shutdown before open streams are cut. */
const SHUTDOWN_GRACE_MS = 5000;

/** Starts Trunkline: configuration, database, migrations, poke bus, HTTP server. */
async function main(): Promise<void> {
  assertDriverPatched();
  const config = loadConfig();
  if (!config.databaseUrl) console.info(`Using the embedded database in ${config.dataDir} (set DATABASE_URL to use PostgreSQL).`);
  const db = await openDatabase(config);
  const applied = await migrate(db.sql);
  if (applied.length > 0) console.info(`Applied database migrations: ${applied.join(', ')}`);
  const pokes = await createPokeBus(db.sql, { embedded: db.embedded });
  const app = createApp({ sql: db.sql, healthSql: db.healthSql, config, pokes, now: () => new Date() });
  const metrics = new MetricsPublisher(db.sql, pokes, () => new Date(), config.metricsRefreshMs, db.lock(REFRESH_LOCK));
  metrics.start();
  const retain = async () => {
    const now = new Date();
    await applyTrafficRetention(db.sql, now, config.cdrRetentionDays, config.rollupRetentionDays).catch((e: unknown) => console.error('Retention failed', e));
    await pruneAppliedIntents(db.sql, now, config.intentRetentionDays).catch((e: unknown) => console.error('Pruning applied changes failed', e));
  };
  const retention = setInterval(() => void retain(), RETENTION_EVERY_MS);
  retention.unref();
  if (!clientIsBuilt(config.staticDir)) {
    console.warn(`Warning: no client build in ${config.staticDir} (index.html is missing). Run "npm run build" first.`);
  }

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.info(`Trunkline is running at http://localhost:${info.port}`);
  });
  server.once('error', (error) => {
    console.error(`Could not listen on ${config.host}:${config.port}: ${error.message}`);
    void db.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.warn(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    console.info(`${signal} received, shutting down...`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Poke streams never end by themselves: after the grace period, cut what is still open.
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    await closed;
    clearTimeout(force);
    clearInterval(retention);
    await metrics.stop();
    await pokes.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Trunkline failed to start:', error instanceof Error ? error.message : error);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exit(1);
});
