import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SessionStreams } from '../auth/session-streams.js';
import { sessionIsLive } from '../auth/sessions.js';
import type { AppEnv, Session } from '../http/app-env.js';

/**
 * The poke stream of `session` (Server-Sent Events): a `poke` event carries no data and
 * means "pull now". The stream is registered in `streams`, which caps streams and ends a
 * signed-out session's; it lasts until the client goes, the session ends or the
 * registry closes it.
 */
export function pokeStream(c: Context<AppEnv>, session: Session, streams: SessionStreams): Response {
  const { pokes, sql, config, now } = c.var.deps;
  let end = () => {};
  const ended = new Promise<void>((resolve) => (end = resolve));
  // Before the stream starts, so a refusal is a plain 429.
  const release = streams.open({ tokenHash: session.tokenHash, userId: session.user.id }, () => end());
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => end());
    c.req.raw.signal.addEventListener('abort', () => end());
    const unsubscribe = pokes.subscribe(session.organisationId, () => {
      void stream.writeSSE({ event: 'poke', data: '' });
    });
    // A comment line keeps proxies from closing an idle stream (EventSource ignores it). The
    // session is re-checked too: signed out in another process, expired or its user disabled,
    // the stream ends. A failed check (database unreachable) keeps the stream.
    const beat = async () => {
      const live = await sessionIsLive(sql, session.tokenHash, now()).catch(() => true);
      if (!live) return end();
      await stream.write(': heartbeat\n\n');
    };
    const heartbeat = setInterval(() => void beat(), config.pokeHeartbeatMs);
    try {
      await stream.write(': connected\n\n');
      await ended;
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
      release();
    }
  });
}
