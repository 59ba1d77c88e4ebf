import { describe, expect, it, vi } from 'vitest';
import { AfterCommitQueue } from './after-commit.js';

describe('AfterCommitQueue', () => {
  it('runs queued effects in order, once', async () => {
    const batch = new AfterCommitQueue();
    const mutation = new AfterCommitQueue();
    const ran: string[] = [];
    mutation.afterCommit(() => void ran.push('email'));
    mutation.afterCommit(async () => void ran.push('sms'));
    mutation.moveTo(batch);
    expect(mutation.size).toBe(0);
    await batch.run();
    await batch.run();
    expect(ran).toEqual(['email', 'sms']);
  });

  it('drops the effects of a rolled-back mutation', async () => {
    const batch = new AfterCommitQueue();
    const refused = new AfterCommitQueue();
    const effect = vi.fn();
    refused.afterCommit(effect);
    refused.discard();
    refused.moveTo(batch);
    await batch.run();
    expect(effect).not.toHaveBeenCalled();
  });

  it('keeps running the rest when one effect fails', async () => {
    const queue = new AfterCommitQueue();
    const after = vi.fn();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    queue.afterCommit(() => {
      throw new Error('SMTP down');
    });
    queue.afterCommit(after);
    await queue.run();
    expect(after).toHaveBeenCalledOnce();
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
