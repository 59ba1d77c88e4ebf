import { AppError } from '../../shared/errors.js';

/** Open streams one session may hold: a few tabs and windows, not a flood. */
export const STREAMS_PER_SESSION = 10;

/** Open streams one user may hold over all their sessions: signing in again makes a new session, not more room. */
export const STREAMS_PER_USER = 30;

/** Whose a stream is. */
export interface StreamOwner {
  /** The session's token hash. */
  tokenHash: Buffer;
  userId: string;
}

interface SessionEntry {
  userId: string;
  streams: Set<() => void>;
}

/**
 * The long-lived responses (poke streams) this process holds open, by session: each costs
 * a socket and a subscription for as long as it lasts, so there is a cap per session, one
 * per user (sign-ins make sessions without limit, so one account could otherwise take
 * every stream) and one per process, and signing out ends a session's streams at once.
 */
export class SessionStreams {
  private readonly bySession = new Map<string, SessionEntry>();
  private readonly byUser = new Map<string, number>();
  private count = 0;

  constructor(private readonly limits: { perSession: number; perUser: number; total: number }) {}

  /**
   * Registers a stream of `owner`; `close` ends it. Throws 429 rate_limited over any cap.
   * Returns the function to call when the stream ends.
   */
  open(owner: StreamOwner, close: () => void): () => void {
    const key = owner.tokenHash.toString('hex');
    const entry = this.bySession.get(key) ?? { userId: owner.userId, streams: new Set<() => void>() };
    if (entry.streams.size >= this.limits.perSession) {
      throw new AppError('rate_limited', `This session already has ${this.limits.perSession} live update streams open. Close some tabs or windows.`);
    }
    if ((this.byUser.get(owner.userId) ?? 0) >= this.limits.perUser) {
      throw new AppError(
        'rate_limited',
        `Your account already has ${this.limits.perUser} live update streams open. Close some tabs or windows, or sign out on other devices.`,
      );
    }
    if (this.count >= this.limits.total) {
      throw new AppError('rate_limited', 'The server has too many live update streams open. Try again in a moment.');
    }
    entry.streams.add(close);
    this.bySession.set(key, entry);
    this.#count(entry.userId, 1);
    return () => {
      if (!entry.streams.delete(close)) return;
      this.#count(entry.userId, -1);
      if (entry.streams.size === 0 && this.bySession.get(key) === entry) this.bySession.delete(key);
    };
  }

  /** Ends every stream of the session with `tokenHash` (it signed out). */
  closeSession(tokenHash: Buffer): void {
    const key = tokenHash.toString('hex');
    const entry = this.bySession.get(key);
    if (!entry) return;
    this.bySession.delete(key);
    this.#count(entry.userId, -entry.streams.size);
    for (const close of entry.streams) close();
    entry.streams.clear();
  }

  /** Streams open now. */
  get size(): number {
    return this.count;
  }

  #count(userId: string, change: number): void {
    this.count += change;
    const mine = (this.byUser.get(userId) ?? 0) + change;
    if (mine > 0) this.byUser.set(userId, mine);
    else this.byUser.delete(userId);
  }
}
