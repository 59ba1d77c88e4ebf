import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CHUNK_CACHE_MIB, raiseChunkCacheLimit } from './replicache-cache-limit.js';

const require = createRequire(import.meta.url);
const replicacheOut = dirname(require.resolve('replicache'));

describe("Replicache's chunk cache limit", () => {
  it('is found once in the installed Replicache bundle and raised', () => {
    const bundles = readdirSync(replicacheOut)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(replicacheOut, f), 'utf8'))
      .filter((code) => code.includes('100*2**20'));
    expect(bundles).toHaveLength(1);
    const raised = raiseChunkCacheLimit(bundles[0]!);
    expect(raised).toContain(`=${CHUNK_CACHE_MIB}*2**20,`);
    expect(raised).not.toContain('=100*2**20,');
  });

  it('refuses a bundle without the constant, or with it twice', () => {
    expect(() => raiseChunkCacheLimit('var a=1;')).toThrow(/found 0 times/);
    expect(() => raiseChunkCacheLimit('var a=100*2**20,b=100*2**20,c;')).toThrow(/found 2 times/);
  });
});
