import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

/**
 * A Chromium process of the test's own on a profile directory that outlives it, reached
 * over the DevTools protocol: the test can end it as a user or the system would (close,
 * or kill -9) and start another on the same profile, as a person reopening the app does.
 */
export interface BrowserOnProfile {
  browser: Browser;
  context: BrowserContext;
  /** Ends the process with SIGKILL: nothing gets a chance to flush or clean up. */
  kill(): Promise<void>;
  /** Closes the browser as a user would. */
  close(): Promise<void>;
}

export function newProfileDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'trunkline-profile-'));
  // Chromium's helpers may still be finishing writes as the browser exits: retry a few times.
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }) };
}

export async function launchOnProfile(dir: string): Promise<BrowserOnProfile> {
  if (!CHROMIUM_PATH) throw new Error('No Chromium: install Debian’s chromium or set CHROMIUM_PATH');
  // A process group of its own, so a kill ends its renderers and helpers too.
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const endpoint = await devToolsEndpoint(child);
  const browser = await chromium.connectOverCDP(endpoint);
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    browser,
    context: browser.contexts()[0]!,
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    async close() {
      await browser.close();
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

/** Chromium prints where its DevTools endpoint listens once it is ready. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before listening: ${seen.slice(-500)}`)));
  });
}
