import type { PushMutation } from '../../shared/sync-protocol.js';

const MAX_MUTATIONS = 1000;
const MAX_BYTES = 4 * 1024 * 1024;

/** Splits a pending queue into pushes of at most 1,000 mutations and about 4 MB each, in order. */
export function chunkPush(mutations: readonly PushMutation[]): PushMutation[][] {
  const chunks: PushMutation[][] = [];
  let current: PushMutation[] = [];
  let bytes = 0;
  for (const m of mutations) {
    const size = JSON.stringify(m).length;
    if (current.length > 0 && (current.length >= MAX_MUTATIONS || bytes + size > MAX_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
