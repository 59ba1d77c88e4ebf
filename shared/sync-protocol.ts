import { z } from 'zod';
import { noControlCharacters } from './text.js';

/**
 * Replicache push/pull protocol version 1, as zod schemas the server validates every
 * request with. https://doc.replicache.dev/reference/server-push and /server-pull
 */

/** The shape of the synced data; pulls from any other version are refused (see pull.ts). 2: customers split into `c/` and `d/`. */
export const SCHEMA_VERSION = '2';

/** The most mutations the server takes in one push request. */
export const MAX_PUSH_MUTATIONS = 10_000;

/**
 * What a device puts in one push request: at most this many mutations and about this
 * many bytes of JSON (one mutation larger than that goes alone). Well inside what the
 * server takes (MAX_PUSH_MUTATIONS, and a 32 MB push body), so a long queue syncs as a
 * series of requests that each parse quickly and are cheap to retry.
 */
export const PUSH_CHUNK_MUTATIONS = 1_000;
export const PUSH_CHUNK_BYTES = 4 * 1024 * 1024;

export const mutationSchema = z.object({
  clientID: z.string().min(1).max(100).check(noControlCharacters()),
  id: z.number().int().positive(),
  name: z.string().min(1).max(100),
  args: z.unknown(),
  timestamp: z.number(),
});
export type PushMutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  pushVersion: z.literal(1),
  clientGroupID: z.string().min(1).max(100).check(noControlCharacters()),
  mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
  profileID: z.string().max(100).check(noControlCharacters()),
  schemaVersion: z.string().max(20).check(noControlCharacters()),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * The pull cookie. `since` is the space version the client holds in full. While a
 * large catch-up is being paged, `after` is the (version, id) of the last row sent and
 * `since` stays the version the catch-up started from. A catch-up walks two streams in
 * order: customers, then their traffic figures (`after.s` is 'm'); from the switch on,
 * `phaseSince` is the space version at which the customers stream was complete, and the
 * final cookie's `since`. `order` grows with every page (see `cookieOrder`) so
 * Replicache always sees a newer cookie.
 */
export const syncCookieSchema = z.object({
  order: z.string(),
  since: z.number().int().nonnegative(),
  after: z.object({ v: z.number().int().nonnegative(), id: z.string(), s: z.literal('m').optional() }).optional(),
  phaseSince: z.number().int().nonnegative().optional(),
  /** Rows in this catch-up (both streams) and rows sent so far, for the progress bar. */
  total: z.number().int().nonnegative().optional(),
  sent: z.number().int().nonnegative().optional(),
});
export type SyncCookie = z.infer<typeof syncCookieSchema>;

export const pullRequestSchema = z.object({
  pullVersion: z.literal(1),
  clientGroupID: z.string().min(1).max(100).check(noControlCharacters()),
  cookie: syncCookieSchema.nullable(),
  profileID: z.string().max(100).check(noControlCharacters()),
  schemaVersion: z.string().max(20).check(noControlCharacters()),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

const VERSION_DIGITS = 15;

/**
 * The `order` of a cookie: the zero-padded version, then ':' + id for a partial page of
 * customers, or ';' when complete. A partial page of the metrics stream is ordered under
 * `phaseSince` as ':m' + version + ':' + id: 'm' sorts after every hex digit of an id and
 * ':' before ';', so it falls after every customers page of its catch-up and before the
 * final cookie (whose `since` is `phaseSince`).
 */
export function cookieOrder(version: number, afterId?: string): string {
  const v = pad(version);
  return afterId === undefined ? `${v};` : `${v}:${afterId}`;
}

/** The `order` of a partial page of the metrics stream; see `cookieOrder`. */
export function metricsCookieOrder(phaseSince: number, version: number, afterId: string): string {
  return `${pad(phaseSince)}:m${pad(version)}:${afterId}`;
}

const pad = (version: number): string => String(version).padStart(VERSION_DIGITS, '0');

/** True while the client is still paging through a catch-up. */
export function isPartialCookie(cookie: SyncCookie | null | undefined): boolean {
  return cookie?.after !== undefined;
}
