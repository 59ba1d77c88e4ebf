import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/errors.js';
import { SessionStreams } from './session-streams.js';

/** Session `n` of user `user`. */
const session = (n: number, user = `user-${n}`) => ({ tokenHash: Buffer.alloc(32, n), userId: user });
const refusal = (open: () => unknown) => {
  try {
    open();
  } catch (e) {
    if (isAppError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'opened';
};

describe('SessionStreams', () => {
  it('frees a place when a stream ends, once however often it is released', () => {
    const streams = new SessionStreams({ perSession: 2, perUser: 10, total: 3 });
    const release = streams.open(session(1), () => {});
    streams.open(session(1), () => {});
    expect(refusal(() => streams.open(session(1), () => {}))).toMatch(/^rate_limited: This session already has 2/);
    release();
    release();
    expect(streams.size).toBe(1);
    expect(refusal(() => streams.open(session(1), () => {}))).toBe('opened');
    streams.open(session(2), () => {});
    expect(refusal(() => streams.open(session(3), () => {}))).toMatch(/^rate_limited: The server has too many/);
  });

  it('caps the streams of one user over all their sessions, and frees places as they end or sign out', () => {
    const streams = new SessionStreams({ perSession: 2, perUser: 5, total: 100 });
    const releases = [1, 1, 2, 2, 3].map((n) => streams.open(session(n, 'ada'), () => {}));
    expect(refusal(() => streams.open(session(4, 'ada'), () => {}))).toBe(
      'rate_limited: Your account already has 5 live update streams open. Close some tabs or windows, or sign out on other devices.',
    );
    // Other users are not held back by her.
    expect(refusal(() => streams.open(session(5, 'bob'), () => {}))).toBe('opened');
    releases[4]!();
    expect(refusal(() => streams.open(session(4, 'ada'), () => {}))).toBe('opened');
    expect(refusal(() => streams.open(session(6, 'ada'), () => {}))).toMatch(/^rate_limited: Your account/);
    streams.closeSession(session(1).tokenHash);
    expect(refusal(() => streams.open(session(6, 'ada'), () => {}))).toBe('opened');
    expect(refusal(() => streams.open(session(6, 'ada'), () => {}))).toBe('opened');
    expect(refusal(() => streams.open(session(7, 'ada'), () => {}))).toMatch(/^rate_limited: Your account/);
  });

  it('ends every stream of a signed-out session and only those, freeing their places', () => {
    const streams = new SessionStreams({ perSession: 5, perUser: 5, total: 5 });
    const ended: string[] = [];
    const releaseA = streams.open(session(1), () => ended.push('a'));
    streams.open(session(1), () => ended.push('b'));
    streams.open(session(2), () => ended.push('c'));
    streams.closeSession(session(1).tokenHash);
    expect(ended).toEqual(['a', 'b']);
    releaseA();
    expect(streams.size).toBe(1);
    streams.closeSession(session(1).tokenHash);
    expect(ended).toEqual(['a', 'b']);
  });
});
