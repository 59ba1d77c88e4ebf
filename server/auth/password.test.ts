import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so the same password never stores the same string twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password twice'), hashPassword('same password twice')]);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a).salt.equals(parsePasswordHash(b).salt)).toBe(false);
    expect(await verifyPassword('same password twice', a)).toBe(true);
    expect(await verifyPassword('same password twice', b)).toBe(true);
  });

  it('stores OWASP scrypt parameters in the hash itself, with a 16-byte salt and 32-byte key', async () => {
    const stored = await hashPassword('a long enough password');
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    const params = parsePasswordHash(stored);
    expect(params).toMatchObject({ log2N: 17, r: 8, p: 1 });
    expect(params.salt).toHaveLength(16);
    expect(params.hash).toHaveLength(32);
    expect(needsRehash(stored)).toBe(false);
  });

  it('verifies a hash made with other parameters by reading them from the stored string', async () => {
    // What a hash from a cheaper, older setting looks like: it still verifies, and asks to be upgraded.
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('an older password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const stored = `scrypt$14$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('an older password', stored)).toBe(true);
    expect(await verifyPassword('another password', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('treats a malformed stored hash as no match, without throwing', async () => {
    const good = await hashPassword('a long enough password');
    const [, , , , salt, hash] = good.split('$');
    const malformed = [
      '',
      'plaintext-password',
      'bcrypt$10$abc',
      `scrypt$17$8$1$${salt}`,
      `scrypt$99$8$1$${salt}$${hash}`,
      `scrypt$17$8$1$not*base64$${hash}`,
      `scrypt$17$8$1$${salt}$AAAA`,
      `scrypt$x$8$1$${salt}$${hash}`,
    ];
    for (const stored of malformed) {
      expect(() => parsePasswordHash(stored)).toThrow();
      expect(await verifyPassword('a long enough password', stored)).toBe(false);
    }
  });
});
