import { findTestPostgres } from '../../server/test/postgres-server.js';

/** Finds or starts PostgreSQL once; each worker's server gets its own database on it. */
export default async function globalSetup() {
  const server = await findTestPostgres();
  process.env.E2E_PG_ADMIN_URL = server.adminUrl;
  return () => server.stop();
}
