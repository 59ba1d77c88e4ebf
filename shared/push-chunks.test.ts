import { describe, expect, it } from 'vitest';
import { chunkPush, compactPush, pushInChunks, utf8Length } from './push-chunks.js';
import { MAX_PUSH_MUTATIONS, PUSH_CHUNK_BYTES, PUSH_CHUNK_MUTATIONS } from './sync-protocol.js';

const mutation = (id: number, args: unknown = {}) => ({ clientID: 'c1', id, name: 'updateCustomer', args, timestamp: 0 });
const push = (mutations: ReturnType<typeof mutation>[]) => ({ pushVersion: 1, clientGroupID: 'g1', mutations, profileID: 'p', schemaVersion: '1' });
const bytes = (value: unknown) => utf8Length(JSON.stringify(value));

describe('chunkPush', () => {
  it('the default limits sit well inside what the server takes', () => {
    expect(PUSH_CHUNK_MUTATIONS).toBeLessThan(MAX_PUSH_MUTATIONS);
    expect(PUSH_CHUNK_BYTES).toBeLessThan(32 * 1024 * 1024);
  });

  it('splits by count, keeping the envelope and the order', () => {
    const all = Array.from({ length: 2_501 }, (_, i) => mutation(i + 1));
    const chunks = chunkPush(push(all));
    expect(chunks.map((c) => c.mutations.length)).toEqual([1_000, 1_000, 501]);
    expect(chunks.flatMap((c) => c.mutations)).toEqual(all);
    for (const c of chunks) expect({ ...c, mutations: [] }).toEqual({ ...push(all), mutations: [] });
  });

  it('splits by bytes of JSON, counting characters beyond ASCII as UTF-8 does', () => {
    const all = Array.from({ length: 10 }, (_, i) => mutation(i + 1, { notes: 'ü'.repeat(1_000) }));
    const limit = 5_000;
    const chunks = chunkPush(push(all), { maxMutations: 1_000, maxBytes: limit });
    expect(chunks.length).toBeGreaterThan(4);
    for (const c of chunks) expect(bytes(c)).toBeLessThanOrEqual(limit);
    expect(chunks.flatMap((c) => c.mutations)).toEqual(all);
    expect(utf8Length('aü€📞')).toBe(1 + 2 + 3 + 4);
  });

  it('counts a text with a lone surrogate half as the JSON that is sent: escaped, in ASCII', () => {
    const lone = JSON.stringify({ notes: 'a\ud83d b \udcde' });
    expect(lone).toBe('{"notes":"a\\ud83d b \\udcde"}');
    expect(utf8Length(lone)).toBe(lone.length);
    expect(utf8Length(JSON.stringify({ notes: '\ud83d\udcde' }))).toBe('{"notes":""}'.length + 4);
  });

  it('sends a mutation larger than the byte limit on its own, never drops it', () => {
    const big = mutation(2, { ids: 'x'.repeat(10_000) });
    const chunks = chunkPush(push([mutation(1), big, mutation(3)]), { maxMutations: 1_000, maxBytes: 1_000 });
    expect(chunks.map((c) => c.mutations.map((m) => m.id))).toEqual([[1], [2], [3]]);
  });

  it('keeps an empty push as one request', () => {
    expect(chunkPush(push([]))).toEqual([push([])]);
  });
});

describe('pushInChunks', () => {
  it('sends the chunks in order and stops at the first failure', async () => {
    const sent: number[][] = [];
    const answer = await pushInChunks(push(Array.from({ length: 3_500 }, (_, i) => mutation(i + 1))), async (chunk, i) => {
      sent.push(chunk.mutations.map((m) => m.id));
      return { ok: i < 1, status: i < 1 ? 200 : 503 };
    });
    expect(answer).toEqual({ ok: false, status: 503 });
    expect(sent.map((ids) => [ids[0], ids.at(-1)])).toEqual([
      [1, 1_000],
      [1_001, 2_000],
    ]);
  });

  it('sends undos queued in the earlier form compacted', () => {
    const snapshot = { status: 'active', channels: 1, cpsLimit: 0, portalAccess: false, country: null, tags: [], penaltyUntil: null, statusBeforePenalty: null };
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    const undo = { ...mutation(1), name: 'restoreBulkSnapshots', args: { entries: ids.map((id) => ({ id, snapshot })) } };
    expect(compactPush(push([undo])).mutations[0]!.args).toEqual({ groups: [{ ids, snapshot }] });
    const other = push([mutation(1)]);
    expect(compactPush(other)).toBe(other);
  });
});
