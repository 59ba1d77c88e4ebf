import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto at OWASP's recommended cost
 * (N=2^17, r=8, p=1: 128 MiB and a few hundred milliseconds per hash). The stored form
 * names its own parameters, `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`, so the cost
 * can be raised later while old hashes still verify.
 */
export interface PasswordHashParams {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

const DEFAULT = { log2N: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** scrypt needs 128 * N * r bytes; Node's 32 MiB default is far too small for N=2^17. */
const MIN_MAXMEM = 256 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, DEFAULT.log2N, DEFAULT.r, DEFAULT.p, KEY_BYTES);
  return ['scrypt', DEFAULT.log2N, DEFAULT.r, DEFAULT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * True when `password` matches `stored`. A stored value that is not a hash of ours
 * (corrupt or foreign) never matches; it does not throw, so a login cannot crash on it.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  let params: PasswordHashParams;
  try {
    params = parsePasswordHash(stored);
  } catch {
    return false;
  }
  const candidate = await derive(password, params.salt, params.log2N, params.r, params.p, params.hash.length);
  return timingSafeEqual(candidate, params.hash);
}

/** True when `stored` was made with weaker parameters than today's, so it should be re-hashed at the next login. */
export function needsRehash(stored: string): boolean {
  const { log2N, r, p } = parsePasswordHash(stored);
  return log2N < DEFAULT.log2N || r < DEFAULT.r || p < DEFAULT.p;
}

/** Reads a stored hash; throws a plain Error naming what is wrong when it is malformed. */
export function parsePasswordHash(stored: string): PasswordHashParams {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw new Error('Not an scrypt password hash');
  const [log2N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,3}$/.test(s) ? Number(s) : NaN)) as [number, number, number];
  // Bounds keep a corrupt row from asking for gigabytes of memory or minutes of CPU.
  if (!(log2N >= 10 && log2N <= 22) || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) {
    throw new Error('scrypt parameters out of range');
  }
  const salt = decodeBase64(parts[4] ?? '');
  const hash = decodeBase64(parts[5] ?? '');
  if (salt.length < 8 || hash.length < 16) throw new Error('scrypt salt or hash too short');
  return { log2N, r, p, salt, hash };
}

function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new Error('Bad base64 in password hash');
  return Buffer.from(text, 'base64');
}

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const N = 2 ** log2N;
  const options: ScryptOptions = { N, r, p, maxmem: Math.max(MIN_MAXMEM, 2 * 128 * N * r) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
