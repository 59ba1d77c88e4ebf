import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './client/e2e/chromium.js';

// Browser tests drive the system Chromium against the real server (built client, real PostgreSQL).
export default defineConfig({
  testDir: 'client/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './client/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  // The budget of a whole test on two cores shared with other test runs (a test takes ~20 s on a quiet
  // machine and up to a minute under load). Steps that wait for the app itself get half of it
  // (appTimeout in client/e2e/fixtures.ts); plain assertions on what is on screen get 10 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
});
