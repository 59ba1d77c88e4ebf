import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) need nothing; component tests (*.test.tsx) choose happy-dom in their first line; *.pg.test.ts get a real PostgreSQL from the global setup.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'client/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['client/e2e/**', 'node_modules/**'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
