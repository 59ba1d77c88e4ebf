import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from './app-env.js';

/** Files a browser must re-check on every load, or an installed app never sees a new release. */
const ALWAYS_REVALIDATE = new Set(['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/registerSW.js']);
const NO_CACHE = 'no-cache';
/** Vite puts a content hash in every name under /assets/, so those never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** True when `staticDir` holds a built client. */
export function clientIsBuilt(staticDir: string): boolean {
  return existsSync(join(staticDir, 'index.html'));
}

/**
 * Serves the built client from `config.staticDir`: the files themselves with cache
 * headers suited to a PWA, and index.html for any other page a browser asks for, so
 * deep links into the single-page app work. Without a build it says how to make one.
 */
export function staticFiles(config: Config): Hono<AppEnv> {
  const root = config.staticDir;
  const indexPath = join(root, 'index.html');
  const app = new Hono<AppEnv>();
  // Created on first use: serveStatic complains at creation when the folder does not exist yet.
  let serveFiles: MiddlewareHandler | undefined;

  app.use('*', async (c, next) => {
    await next();
    if (c.res.status >= 400) return;
    if (ALWAYS_REVALIDATE.has(c.req.path)) c.header('Cache-Control', NO_CACHE);
    else if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', IMMUTABLE);
  });

  app.use('*', async (c, next) => {
    if (clientIsBuilt(root)) {
      serveFiles ??= serveStatic({ root });
      return serveFiles(c, next);
    }
    if (wantsHtml(c.req.header('accept'))) return c.html(NOT_BUILT_PAGE, 503);
    return next();
  });

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path.startsWith('/assets/') || !wantsHtml(c.req.header('accept')) || !clientIsBuilt(root)) {
      return c.text('Not found', 404);
    }
    c.header('Cache-Control', NO_CACHE);
    return c.html(await readFile(indexPath, 'utf8'));
  });

  return app;
}

function wantsHtml(accept: string | undefined): boolean {
  return accept?.includes('text/html') ?? false;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Trunkline is not built yet</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#222}
code{background:#f1f3f5;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>The Trunkline web app has not been built yet</h1>
<p>The server is running, but there is no client build to serve.
Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload this page.</p>
<p>While developing, <code>npm run dev</code> serves the app with live reload on port 5173.</p></body>
</html>
`;
