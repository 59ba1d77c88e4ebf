import { DETAILS_PREFIX, NOTES_PREFIX } from '../../shared/keys.js';

/**
 * Which of Replicache's chunks stay out of its in-memory chunk cache once persisted
 * (the `uncachedChunk` option, patches/replicache+15.3.0.patch): the B-tree leaves that
 * hold customers' details (`d/`) or notes (`n/`). Replicache 15 otherwise keeps up to
 * 100 MB of chunks in memory, which for 100,000 customers is every detail of every
 * customer (~60 MB of the page's heap) although only an open card reads one. The list
 * rows (`c/`) stay cached: the index holds those objects anyway, and bulk edits and pulls
 * read and rewrite their leaves.
 *
 * In Replicache 15's B-tree a leaf is `[0, entries]`, its entries `[key, value, size]`
 * sorted by key (uncached-chunks.test.ts checks this against the real thing): a leaf whose first key is a detail's holds details (a leaf straddling
 * the `c/`|`d/` boundary is cached, a few details with it).
 */
export function uncachedChunk(data: unknown): boolean {
  if (!Array.isArray(data) || data[0] !== 0 || !Array.isArray(data[1])) return false;
  const first: unknown = data[1][0];
  const key: unknown = Array.isArray(first) ? first[0] : undefined;
  return typeof key === 'string' && (key.startsWith(DETAILS_PREFIX) || key.startsWith(NOTES_PREFIX));
}
