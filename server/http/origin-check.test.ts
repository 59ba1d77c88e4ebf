import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/errors.js';
import { loadConfig } from '../config.js';
import type { AppEnv } from './app-env.js';
import { handleError } from './error-handler.js';
import { originCheck } from './origin-check.js';

function testApp(publicOrigin = '') {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('/api/*', originCheck(loadConfig({ PUBLIC_ORIGIN: publicOrigin })));
  app.on(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], '/api/thing', (c) => c.json({ ok: true }));
  return app;
}

const cookie = 'trunkline_session=abc';
const send = (app: Hono<AppEnv>, method: string, headers: Record<string, string>) =>
  app.request('http://trunkline.local:8080/api/thing', { method, headers });

describe('originCheck', () => {
  it('lets the page’s own origin change things', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await send(testApp(), method, { origin: 'http://trunkline.local:8080', host: 'trunkline.local:8080', cookie });
      expect(res.status).toBe(200);
    }
  });

  it('refuses another site, even one differing only in scheme or port', async () => {
    for (const origin of ['https://evil.example', 'https://trunkline.local:8080', 'http://trunkline.local:9999', 'null']) {
      const res = await send(testApp(), 'POST', { origin, host: 'trunkline.local:8080', cookie });
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('bad_origin');
    }
  });

  it('accepts the public origins configured for a proxy in front', async () => {
    const app = testApp('https://trunkline.example, https://ops.carrier.example/');
    for (const origin of ['https://trunkline.example', 'https://ops.carrier.example']) {
      expect((await send(app, 'POST', { origin, host: 'trunkline.local:8080', cookie })).status).toBe(200);
    }
  });

  it('never trusts X-Forwarded-Proto or X-Forwarded-Host', async () => {
    const res = await send(testApp(), 'POST', {
      origin: 'https://evil.example',
      host: 'trunkline.local:8080',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil.example',
      cookie,
    });
    expect(res.status).toBe(403);
  });

  it('refuses a cookie without Origin, but passes a request with neither (a machine client)', async () => {
    expect((await send(testApp(), 'POST', { cookie })).status).toBe(403);
    expect((await send(testApp(), 'POST', { authorization: 'Bearer some-api-key' })).status).toBe(200);
  });

  it('leaves reads alone', async () => {
    expect((await send(testApp(), 'GET', { origin: 'https://evil.example', cookie })).status).toBe(200);
  });
});
