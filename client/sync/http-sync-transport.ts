import type { Puller, PullerResult, PullResponseV1, Pusher, PushRequestV1 } from 'replicache';
import { pushInChunks } from '../../shared/push-chunks.js';
import { isPartialCookie, type SyncCookie } from '../../shared/sync-protocol.js';

export interface TransportEvents {
  /** A pull answered; `cookie` tells whether a paged catch-up continues. */
  onPulled(cookie: SyncCookie | null): void;
  /** The server no longer knows the session: sign in again. */
  onUnauthenticated(): void;
}

type Post = (url: string, body: unknown, requestID: string) => Promise<Response>;

const post: Post = (url, body, requestID) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-replicache-requestid': requestID },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });

async function errorText(res: Response): Promise<string> {
  try {
    return await res.text();
  } catch {
    return `HTTP ${res.status}`;
  }
}

interface PullBody {
  clientGroupID: string;
  cookie: unknown;
}

/** A pull request sent ahead of time, for the request Replicache will make next. */
interface Prefetch {
  key: string;
  response: Promise<Response>;
}

const requestKey = (body: PullBody) => JSON.stringify([body.clientGroupID, body.cookie]);

/**
 * Replicache's puller and pusher over our API, reporting progress and an ended session.
 *
 * While a paged catch-up runs, the request for the next page is sent as soon as a page
 * arrives, so the server reads page n+1 while this device applies page n (the pull after
 * a partial page always carries that page's cookie). It is used only if Replicache then
 * asks for exactly that cookie; a page read a moment early is as valid as any pull.
 */
export function makeTransport(events: TransportEvents, send: Post = post): { puller: Puller; pusher: Pusher; pushNow: (req: PushRequestV1) => Promise<void> } {
  let prefetch: Prefetch | null = null;

  const puller: Puller = async (req, requestID): Promise<PullerResult> => {
    const body = req as unknown as PullBody;
    const key = requestKey(body);
    const early = prefetch?.key === key ? prefetch.response : null;
    prefetch = null;
    const res = await (early ?? send('/api/replicache/pull', req, requestID));
    if (!res.ok) {
      if (res.status === 401) events.onUnauthenticated();
      return { httpRequestInfo: { httpStatusCode: res.status, errorMessage: await errorText(res) } };
    }
    const response = (await res.json()) as PullResponseV1;
    const cookie = 'cookie' in response ? (response.cookie as SyncCookie | null) : null;
    if (isPartialCookie(cookie)) {
      const next = { ...body, cookie };
      const sent = send('/api/replicache/pull', next, `${requestID}-next`);
      // A failed early request surfaces when (and if) it is used, not as an unhandled rejection.
      sent.catch(() => {});
      prefetch = { key: requestKey(next), response: sent };
    }
    events.onPulled(cookie);
    return { response, httpRequestInfo: { httpStatusCode: 200, errorMessage: '' } };
  };
  // Sent in chunks that fit the server's limits, in order, stopping at the first failure;
  // Replicache retries the rest later and the server skips what it already has.
  const pusher: Pusher = async (req, requestID) => {
    const res = await pushInChunks(req as PushRequestV1, (chunk, i, count) =>
      send('/api/replicache/push', chunk, count > 1 ? `${requestID}-${i + 1}/${count}` : requestID),
    );
    if (res.status === 401) events.onUnauthenticated();
    return { httpRequestInfo: { httpStatusCode: res.status, errorMessage: res.ok ? '' : await errorText(res) } };
  };
  // One push outside Replicache's schedule (see early-push.ts); the caller ignores its failures.
  const pushNow = async (req: PushRequestV1) => {
    const res = await send('/api/replicache/push', req, `early-${crypto.randomUUID()}`);
    if (!res.ok) throw new Error(`Early push: HTTP ${res.status}`);
  };
  return { puller, pusher, pushNow };
}
