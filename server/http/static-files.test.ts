import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { clientIsBuilt, staticFiles } from './static-files.js';

const built = mkdtempSync(join(tmpdir(), 'trunkline-dist-'));
const empty = mkdtempSync(join(tmpdir(), 'trunkline-nodist-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>Trunkline</title><div id="root"></div>');
writeFileSync(join(built, 'sw.js'), 'self.addEventListener("install", () => {});');
writeFileSync(join(built, 'registerSW.js'), '/* register */');
writeFileSync(join(built, 'manifest.webmanifest'), '{"name":"Trunkline"}');
writeFileSync(join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(built, 'assets', 'index-3f9a1c.js'), 'console.log("app")');

afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

const app = (dir: string) => staticFiles({ ...loadConfig({}), staticDir: dir });
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('staticFiles', () => {
  it('serves hashed assets as immutable for a year', async () => {
    const res = await app(built).request('/assets/index-3f9a1c.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("app")');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('makes browsers re-check the app shell and the service worker on every load', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']) {
      const res = await app(built).request(path, { headers: HTML });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    const manifest = await app(built).request('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toMatch(/manifest\+json/);
  });

  it('answers a deep link into the app with index.html', async () => {
    const res = await app(built).request('/customers/42?tab=contacts', { headers: HTML });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('gives a real 404 for missing files that are not pages', async () => {
    expect((await app(built).request('/assets/index-gone.js', { headers: HTML })).status).toBe(404);
    expect((await app(built).request('/missing.png', { headers: { accept: 'image/*' } })).status).toBe(404);
    expect((await app(built).request('/api/not-here', { headers: HTML })).status).toBe(404);
  });

  it('refuses paths that climb out of the folder', async () => {
    const res = await app(built).request('/assets/..%2f..%2fetc/passwd');
    expect(res.status).toBe(404);
  });

  it('explains how to build the client when there is no build', async () => {
    expect(clientIsBuilt(empty)).toBe(false);
    expect(clientIsBuilt(built)).toBe(true);
    const res = await app(empty).request('/', { headers: HTML });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    expect((await app(empty).request('/sw.js')).status).toBe(404);
  });
});
