import type { Plugin } from 'vite';

/**
 * Replicache 15 keeps at most 100 MiB of B-tree chunks in memory (by its own size
 * estimate), a constant with no option. 100,000 customers take about 150 MiB by that
 * estimate, so after a first sync a third of the chunks are dropped, and the first bulk
 * edit of 10,000 customers read them back one IndexedDB request at a time: its push left
 * the device 9.7 s after the click instead of 1.5 s. The page's index references every
 * customer object anyway, so the larger cache costs little heap (measured +2 MB at
 * 100,000 customers). The build fails if a Replicache release no longer has the constant:
 * then see whether it still needs raising.
 */
export const CHUNK_CACHE_MIB = 256;

const UPSTREAM = /([A-Za-z_$][\w$]*)=100\*2\*\*20,/g;

/** Rewrites the cache limit in Replicache's bundle; `code` must hold exactly one. */
export function raiseChunkCacheLimit(code: string, mib = CHUNK_CACHE_MIB): string {
  const found = code.match(UPSTREAM) ?? [];
  if (found.length !== 1) throw new Error(`Replicache's chunk cache limit (100*2**20) found ${found.length} times, expected once`);
  return code.replace(UPSTREAM, `$1=${mib}*2**20,`);
}

/** The Vite plugin: applies `raiseChunkCacheLimit` to the Replicache chunk that defines the limit. */
export function replicacheChunkCache(): Plugin {
  let seen = false;
  return {
    name: 'trunkline:replicache-chunk-cache',
    // The development server pre-bundles dependencies without plugins: it keeps Replicache's limit.
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]replicache[\\/]out[\\/]/.test(id) || !code.includes('100*2**20')) return null;
      seen = true;
      return { code: raiseChunkCacheLimit(code), map: null };
    },
    buildEnd(error) {
      if (!error && !seen) this.error("Replicache's chunk cache limit was not found in its bundle");
    },
  };
}
