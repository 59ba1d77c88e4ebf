import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/errors.js';
import { SessionStreams } from './session-streams.js';

const session = (n: number) => Buffer.alloc(32, n);
const refusal = (open: () => unknown) => {
  try {
    open();
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  return 'opened';
};

describe('SessionStreams', () => {
  it('frees a place when a stream ends, once however often it is released', () => {
    const streams = new SessionStreams({ perSession: 2, total: 3 });
    const release = streams.open(session(1), () => {});
    streams.open(session(1), () => {});
    expect(refusal(() => streams.open(session(1), () => {}))).toBe('rate_limited');
    release();
    release();
    expect(streams.size).toBe(1);
    expect(refusal(() => streams.open(session(1), () => {}))).toBe('opened');
    streams.open(session(2), () => {});
    expect(refusal(() => streams.open(session(3), () => {}))).toBe('rate_limited');
  });

  it('ends every stream of a signed-out session and only those, freeing their places', () => {
    const streams = new SessionStreams({ perSession: 5, total: 5 });
    const ended: string[] = [];
    const releaseA = streams.open(session(1), () => ended.push('a'));
    streams.open(session(1), () => ended.push('b'));
    streams.open(session(2), () => ended.push('c'));
    streams.closeSession(session(1));
    expect(ended).toEqual(['a', 'b']);
    releaseA();
    expect(streams.size).toBe(1);
    streams.closeSession(session(1));
    expect(ended).toEqual(['a', 'b']);
  });
});
