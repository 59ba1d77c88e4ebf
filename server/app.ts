import { Hono } from 'hono';
import { apiKeyRoutes } from './api-keys/api-key-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { sessionMiddleware } from './auth/session-middleware.js';
import { SessionStreams, STREAMS_PER_SESSION, STREAMS_PER_USER } from './auth/session-streams.js';
import type { AppDeps, AppEnv } from './http/app-env.js';
import { bodyLimits } from './http/body-limits.js';
import { handleError, handleNotFound } from './http/error-handler.js';
import { originCheck } from './http/origin-check.js';
import { staticFiles } from './http/static-files.js';
import { alertRoutes } from './alerts/alert-routes.js';
import { customerHistoryRoutes } from './customer-history/customer-history-routes.js';
import { healthRoutes } from './health/health-routes.js';
import { ingestRoutes } from './ingest/ingest-routes.js';
import { sampleDataRoutes } from './sample-data/sample-data-routes.js';
import { syncRoutes } from './sync/sync-routes.js';
import { userRoutes } from './users/user-routes.js';

/** The whole HTTP application. Routes only parse, authorise and call into their capability folder. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.route('/api', healthRoutes());
  app.use('/api/*', bodyLimits());
  app.use('/api/*', originCheck(deps.config));
  app.use('/api/*', sessionMiddleware());
  const streams = new SessionStreams({ perSession: STREAMS_PER_SESSION, perUser: STREAMS_PER_USER, total: deps.config.maxPokeStreams });
  app.route('/api/auth', authRoutes(streams));
  app.route('/api/users', userRoutes());
  app.route('/api/api-keys', apiKeyRoutes());
  app.route('/api/ingest', ingestRoutes());
  app.route('/api', alertRoutes());
  app.route('/api/customers', customerHistoryRoutes());
  app.route('/api/replicache', syncRoutes(streams));
  app.route('/api/sample-data', sampleDataRoutes());
  app.all('/api/*', handleNotFound);
  app.route('/', staticFiles(deps.config));
  return app;
}
