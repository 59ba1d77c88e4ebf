import { AppError, type ErrorBody, type ErrorCode } from '../../shared/errors.js';

/** The request never reached the server (offline, DNS, connection refused). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/**
 * JSON calls to our own API. Errors come back as the shared AppError (code, message,
 * field issues) so forms show exactly what the server refused.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new NetworkError(e instanceof Error ? e.message : 'Network error');
  }
  if (res.ok) return (await res.json()) as T;
  let body: Partial<ErrorBody> = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy error page): fall through to a generic message.
  }
  const err = body.error;
  throw new AppError((err?.code ?? 'internal') as ErrorCode, err?.message ?? `Server answered ${res.status}`, err?.issues);
}
