import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('password hashing (scrypt)', () => {
  it('hashes in the scrypt$N$r$p$salt$hash format with a memory-hard cost', async () => {
    const h = await hashPassword('correct horse battery');
    const parts = h.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', String(2 ** 15), '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64url').length).toBe(16);
    expect(Buffer.from(parts[5]!, 'base64url').length).toBe(32);
    expect(h).not.toContain('correct horse');
  });

  it('verifies the right password and rejects wrong ones', async () => {
    const h = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
    expect(await verifyPassword('correct horse battery ', h)).toBe(false);
  });

  it('salts: the same password hashes differently each time, and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password here', b)).toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const h = await hashPassword('caf\u00e9 au lait 2024');
    expect(await verifyPassword('cafe\u0301 au lait 2024', h)).toBe(true);
  });

  it('verifies hashes made with other (cheaper) parameters, so the cost can change later', async () => {
    const h = await hashPassword('older hash password', { N: 2 ** 10, r: 8, p: 1 });
    expect(h.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('older hash password', h)).toBe(true);
    expect(await verifyPassword('older hash passwore', h)).toBe(false);
  });

  it('never matches (and never throws on) malformed or tampered hashes', async () => {
    const good = await hashPassword('a fine password');
    const [, , r, p, salt, hash] = good.split('$');
    for (const bad of [
      '',
      'plain-text-password',
      'bcrypt$2b$10$abc',
      `scrypt$1000$${r}$${p}$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 24}$${r}$${p}$${salt}$${hash}`, // absurd cost
      `scrypt$32768$${r}$${p}$$${hash}`, // no salt
      `scrypt$32768$${r}$${p}$${salt}$`, // no hash
      `scrypt$32768$x$${p}$${salt}$${hash}`,
    ]) {
      expect(await verifyPassword('a fine password', bad)).toBe(false);
    }
  });

  it('rejects passwords over the maximum length without hashing them', async () => {
    const h = await hashPassword('a fine password');
    expect(await verifyPassword('x'.repeat(201), h)).toBe(false);
  });

  it('the dummy check for unknown accounts always fails', async () => {
    expect(await verifyAgainstDummy('not-a-real-password-0000')).toBe(false);
  });
});
