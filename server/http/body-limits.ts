import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/errors.js';

const KB = 1024;
const MB = 1024 * KB;

/** A request body limit for the routes `path` names: exact, or a prefix ending in `/*`. */
export interface BodyLimitRule {
  path: string;
  maxBytes: number;
}

/**
 * The only routes whose bodies may be large. Large enough for an undo of a 100,000-customer
 * bulk edit and for 50,000 call records; both routes authenticate before reading the body.
 */
export const LARGE_BODY_ROUTES: readonly BodyLimitRule[] = [
  { path: '/api/replicache/push', maxBytes: 32 * MB },
  { path: '/api/ingest/*', maxBytes: 32 * MB },
];

/**
 * Every other route (sign-in, set-up, users, API keys, alert rules, sample data, pull): their
 * JSON is a few hundred bytes, and most of them are reachable without signing in.
 */
export const DEFAULT_BODY_LIMIT = 64 * KB;

/** The body limit of a request to `path`. */
export function bodyLimitFor(path: string, rules: readonly BodyLimitRule[] = LARGE_BODY_ROUTES): number {
  const rule = rules.find((r) => (r.path.endsWith('/*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path));
  return rule?.maxBytes ?? DEFAULT_BODY_LIMIT;
}

/**
 * Refuses bodies over the route's limit with 413 too_large, before anything parses them.
 * A declared Content-Length is judged from the header alone (Node's HTTP parser never
 * delivers more than it declares). A chunked body is counted as the route reads it, so a
 * route that authenticates first still refuses a stranger before reading a byte.
 * Hono's bodyLimit would buffer a chunked body up to the limit before the route runs, so
 * 32 MB from anyone before authentication: that is why this is not hono/body-limit.
 */
export function bodyLimits(rules: readonly BodyLimitRule[] = LARGE_BODY_ROUTES): MiddlewareHandler {
  return async (c, next) => {
    const maxBytes = bodyLimitFor(c.req.path, rules);
    const tooLarge = () =>
      new AppError('too_large', `Request bodies for ${c.req.method} ${c.req.path} are limited to ${describeBytes(maxBytes)}.`);
    const headers = c.req.raw.headers;
    const declared = headers.get('content-length');
    if (declared !== null && !headers.has('transfer-encoding')) {
      if (Number(declared) > maxBytes) throw tooLarge();
      return next();
    }
    const body = c.req.raw.body;
    if (body) c.req.raw = new Request(c.req.raw, { body: countedBody(body, maxBytes, tooLarge), duplex: 'half' } as RequestInit);
    return next();
  };
}

/**
 * `body`, erroring with `tooLarge()` once more than `maxBytes` have passed. The source is
 * left as it is rather than cancelled: cancelling would destroy the socket before the 413
 * is written, and the HTTP server drains what is left after answering.
 */
function countedBody(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      size += value.byteLength;
      if (size > maxBytes) return controller.error(tooLarge());
      controller.enqueue(value);
    },
  });
}

function describeBytes(n: number): string {
  if (n % MB === 0) return `${n / MB} MB`;
  return n % KB === 0 ? `${n / KB} KB` : `${n} bytes`;
}
