import type { Puller, PullResponseV1, Pusher } from 'replicache';
import type { SyncCookie } from '../../shared/sync-protocol.js';

export interface TransportEvents {
  /** A pull answered; `cookie` tells whether a paged catch-up continues. */
  onPulled(cookie: SyncCookie | null): void;
  /** The server no longer knows the session: sign in again. */
  onUnauthenticated(): void;
}

async function post(url: string, body: unknown, requestID: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-replicache-requestid': requestID },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
}

async function errorText(res: Response): Promise<string> {
  try {
    return await res.text();
  } catch {
    return `HTTP ${res.status}`;
  }
}

/** Replicache's puller and pusher over our API, reporting progress and an ended session. */
export function makeTransport(events: TransportEvents): { puller: Puller; pusher: Pusher } {
  const puller: Puller = async (req, requestID) => {
    const res = await post('/api/replicache/pull', req, requestID);
    if (!res.ok) {
      if (res.status === 401) events.onUnauthenticated();
      return { httpRequestInfo: { httpStatusCode: res.status, errorMessage: await errorText(res) } };
    }
    const response = (await res.json()) as PullResponseV1;
    events.onPulled('cookie' in response ? (response.cookie as SyncCookie | null) : null);
    return { response, httpRequestInfo: { httpStatusCode: 200, errorMessage: '' } };
  };
  const pusher: Pusher = async (req, requestID) => {
    const res = await post('/api/replicache/push', req, requestID);
    if (res.status === 401) events.onUnauthenticated();
    return { httpRequestInfo: { httpStatusCode: res.status, errorMessage: res.ok ? '' : await errorText(res) } };
  };
  return { puller, pusher };
}

