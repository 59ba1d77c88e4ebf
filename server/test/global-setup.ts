import type { TestProject } from 'vitest/node';
import { findTestPostgres } from './postgres-server.js';
import type {} from './test-database.js';

/** Runs once per `vitest run`: finds or starts PostgreSQL and hands its URL to every test file. */
export default async function setup(project: TestProject) {
  const server = await findTestPostgres();
  project.provide('pgAdminUrl', server.adminUrl);
  return () => server.stop();
}
