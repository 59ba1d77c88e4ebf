import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) need nothing; *.pg.test.ts get a real PostgreSQL from the global setup.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['client/e2e/**', 'node_modules/**'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
