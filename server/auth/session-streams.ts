import { AppError } from '../../shared/errors.js';

/** Open streams one session may hold: a few tabs and windows, not a flood. */
export const STREAMS_PER_SESSION = 10;

/**
 * The long-lived responses (poke streams) this process holds open, by session: each costs
 * a socket and a subscription for as long as it lasts, so there is a cap per session and
 * one per process, and signing out ends a session's streams at once.
 */
export class SessionStreams {
  private readonly bySession = new Map<string, Set<() => void>>();
  private count = 0;

  constructor(private readonly limits: { perSession: number; total: number }) {}

  /**
   * Registers a stream of the session with `tokenHash`; `close` ends it. Throws 429
   * rate_limited over either cap. Returns the function to call when the stream ends.
   */
  open(tokenHash: Buffer, close: () => void): () => void {
    const key = tokenHash.toString('hex');
    const streams = this.bySession.get(key) ?? new Set();
    if (streams.size >= this.limits.perSession) {
      throw new AppError('rate_limited', `This session already has ${this.limits.perSession} live update streams open. Close some tabs or windows.`);
    }
    if (this.count >= this.limits.total) {
      throw new AppError('rate_limited', 'The server has too many live update streams open. Try again in a moment.');
    }
    streams.add(close);
    this.bySession.set(key, streams);
    this.count += 1;
    return () => {
      if (!streams.delete(close)) return;
      this.count -= 1;
      if (streams.size === 0 && this.bySession.get(key) === streams) this.bySession.delete(key);
    };
  }

  /** Ends every stream of the session with `tokenHash` (it signed out). */
  closeSession(tokenHash: Buffer): void {
    const key = tokenHash.toString('hex');
    const streams = this.bySession.get(key);
    if (!streams) return;
    this.bySession.delete(key);
    this.count -= streams.size;
    for (const close of streams) close();
    streams.clear();
  }

  /** Streams open now. */
  get size(): number {
    return this.count;
  }
}
