import type { PullRequestV1, PushRequestV1 } from 'replicache';
import { describe, expect, it } from 'vitest';
import type { SyncCookie } from '../../shared/sync-protocol.js';
import { makeTransport, type TransportEvents } from './http-sync-transport.js';

interface Sent {
  url: string;
  cookie: unknown;
}

/** A server that answers pulls with the cookies given, in order, and records what was asked. */
function fakeServer(cookies: (SyncCookie | null)[], status = 200) {
  const sent: Sent[] = [];
  let next = 0;
  const send = async (url: string, body: unknown) => {
    sent.push({ url, cookie: (body as { cookie: unknown }).cookie });
    const cookie = cookies[next++] ?? null;
    return new Response(JSON.stringify({ cookie, lastMutationIDChanges: {}, patch: [] }), { status });
  };
  return { send, sent };
}

const request = (cookie: unknown): PullRequestV1 =>
  ({ pullVersion: 1, clientGroupID: 'g1', cookie, profileID: 'p', schemaVersion: '1' }) as PullRequestV1;

function recorder(): TransportEvents & { pulled: (SyncCookie | null)[]; expired: number } {
  const events = {
    pulled: [] as (SyncCookie | null)[],
    expired: 0,
    onPulled: (c: SyncCookie | null) => void events.pulled.push(c),
    onUnauthenticated: () => void (events.expired += 1),
  };
  return events;
}

const page1: SyncCookie = { order: '10:a', since: 0, after: { v: 4, id: 'a' }, total: 3, sent: 1 };
const page2: SyncCookie = { order: '10:b', since: 0, after: { v: 7, id: 'b' }, total: 3, sent: 2 };
const done: SyncCookie = { order: '10;', since: 10 };

describe('makeTransport', () => {
  it('asks for the next page of a catch-up as soon as one arrives, and answers the next pull with it', async () => {
    const server = fakeServer([page1, page2, done]);
    const events = recorder();
    const { puller } = makeTransport(events, server.send);
    await puller(request(null), 'r1');
    expect(server.sent.map((s) => s.cookie)).toEqual([null, page1]);
    const second = await puller(request(page1), 'r2');
    expect(second.response).toMatchObject({ cookie: page2 });
    // The second pull went out early; answering it asked for the third page, and nothing twice.
    expect(server.sent.map((s) => s.cookie)).toEqual([null, page1, page2]);
    await puller(request(page2), 'r3');
    expect(server.sent).toHaveLength(3);
    expect(events.pulled).toEqual([page1, page2, done]);
  });

  it('does not use an early page for a pull with another cookie', async () => {
    const server = fakeServer([page1, page2, done]);
    const { puller } = makeTransport(recorder(), server.send);
    await puller(request(null), 'r1');
    await puller(request(null), 'r2');
    expect(server.sent.map((s) => s.cookie)).toEqual([null, page1, null]);
  });

  it('sends nothing ahead once the catch-up is complete', async () => {
    const server = fakeServer([done]);
    const { puller } = makeTransport(recorder(), server.send);
    await puller(request(null), 'r1');
    expect(server.sent).toHaveLength(1);
  });

  it('pushes a long queue in chunks, in order, and reports the first failure to Replicache', async () => {
    const mutations = Array.from({ length: 2_001 }, (_, i) => ({ clientID: 'c1', id: i + 1, name: 'updateCustomer', args: {}, timestamp: 0 }));
    const sent: { ids: number[]; requestID: string }[] = [];
    let failAt = Infinity;
    const send = async (_url: string, body: unknown, requestID: string) => {
      sent.push({ ids: (body as PushRequestV1).mutations.map((m) => m.id), requestID });
      return new Response('{}', { status: sent.length >= failAt ? 500 : 200 });
    };
    const { pusher } = makeTransport(recorder(), send);
    const req: PushRequestV1 = { pushVersion: 1, clientGroupID: 'g1', mutations, profileID: 'p', schemaVersion: '1' };
    const ok = await pusher(req, 'r1');
    expect(ok.httpRequestInfo).toEqual({ httpStatusCode: 200, errorMessage: '' });
    expect(sent.map((c) => [c.ids[0], c.ids.length, c.requestID])).toEqual([
      [1, 1_000, 'r1-1/3'],
      [1_001, 1_000, 'r1-2/3'],
      [2_001, 1, 'r1-3/3'],
    ]);

    sent.length = 0;
    failAt = 2;
    const failed = await pusher(req, 'r2');
    expect(failed.httpRequestInfo.httpStatusCode).toBe(500);
    expect(sent).toHaveLength(2);
  });

  it('reports an ended session on 401, for pulls and pushes', async () => {
    const server = fakeServer([], 401);
    const events = recorder();
    const { puller, pusher } = makeTransport(events, server.send);
    const pulled = await puller(request(null), 'r1');
    expect(pulled.httpRequestInfo.httpStatusCode).toBe(401);
    await pusher({ pushVersion: 1, clientGroupID: 'g1', mutations: [], profileID: 'p', schemaVersion: '1' }, 'r2');
    expect(events.expired).toBe(2);
  });
});
