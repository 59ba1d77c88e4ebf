import { compactSnapshotArgs } from './bulk-snapshots.js';
import { PUSH_CHUNK_BYTES, PUSH_CHUNK_MUTATIONS } from './sync-protocol.js';

/**
 * A device's push split into requests that fit the server's limits, so a queue of any
 * length (tens of thousands of offline edits, several undos of large bulk edits) always
 * syncs. Replicache hands its pusher every pending mutation at once.
 */

export interface ChunkLimits {
  maxMutations: number;
  maxBytes: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxMutations: PUSH_CHUNK_MUTATIONS, maxBytes: PUSH_CHUNK_BYTES };

interface PushLike<M> {
  mutations: readonly M[];
}

/**
 * Bytes of `text` as UTF-8, without encoding it. `text` is JSON.stringify output, which
 * escapes lone surrogates (as the ASCII `\udxxx`), so every surrogate is half of a pair:
 * a pair is one 4-byte character, 2 bytes per half.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff)) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/**
 * Splits `push` into consecutive requests, each with the same envelope and at most
 * `limits.maxMutations` mutations and about `limits.maxBytes` bytes of JSON; mutations
 * keep their order. A mutation larger than `maxBytes` on its own goes alone. An empty
 * push stays one request.
 */
export function chunkPush<R extends PushLike<unknown>>(push: R, limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): R[] {
  const envelope = utf8Length(JSON.stringify({ ...push, mutations: [] }));
  const chunks: R[] = [];
  let current: unknown[] = [];
  let bytes = envelope;
  for (const mutation of push.mutations) {
    const size = utf8Length(JSON.stringify(mutation)) + 1;
    if (current.length > 0 && (current.length >= limits.maxMutations || bytes + size > limits.maxBytes)) {
      chunks.push({ ...push, mutations: current });
      current = [];
      bytes = envelope;
    }
    current.push(mutation);
    bytes += size;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push({ ...push, mutations: current });
  return chunks;
}

/** Undos queued in the earlier, larger form are sent in the compact form, which puts back the same. */
export function compactPush<R extends PushLike<{ name: string; args?: unknown }>>(push: R): R {
  if (!push.mutations.some((m) => m.name === 'restoreBulkSnapshots')) return push;
  return { ...push, mutations: push.mutations.map((m) => (m.name === 'restoreBulkSnapshots' ? { ...m, args: compactSnapshotArgs(m.args) } : m)) };
}

/**
 * Sends `push` as chunks, in order, and stops at the first that is not answered OK:
 * its answer is returned, and the device's next push starts over from what the server
 * has not acknowledged (it skips what it already has). Otherwise the last answer.
 */
export async function pushInChunks<R extends PushLike<{ name: string; args?: unknown }>, A extends { ok: boolean }>(
  push: R,
  send: (chunk: R, index: number, count: number) => Promise<A>,
  limits: ChunkLimits = DEFAULT_CHUNK_LIMITS,
): Promise<A> {
  const chunks = chunkPush(compactPush(push), limits);
  let answer: A | undefined;
  for (const [i, chunk] of chunks.entries()) {
    answer = await send(chunk, i, chunks.length);
    if (!answer.ok) break;
  }
  return answer!;
}
