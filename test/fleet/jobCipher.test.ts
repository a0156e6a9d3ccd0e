import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createJobCipher } from '../../src/fleet/jobCipher.js';

const key = () => randomBytes(32).toString('base64');
const LETTER = Buffer.from('Dear Valentina Ilieva-Marsh, we offer you $29.50 per hour.');

describe('createJobCipher', () => {
  it('seals with AES-256-GCM: nothing of the plain text shows, and each sealing differs', () => {
    const cipher = createJobCipher(key());
    const once = cipher.seal(LETTER, 'batch:1:letter:0');
    const twice = cipher.seal(LETTER, 'batch:1:letter:0');
    expect(once.toString('latin1')).not.toContain('Valentina');
    expect(once.equals(twice)).toBe(false);
    expect(once.length).toBe(LETTER.length + 1 + 12 + 16);
    expect(cipher.open(once, 'batch:1:letter:0').equals(LETTER)).toBe(true);
  });

  it('refuses a value opened under another name, changed by one byte, or with another key', () => {
    const cipher = createJobCipher(key());
    const sealed = cipher.seal(LETTER, 'batch:1:letter:0');
    expect(() => cipher.open(sealed, 'batch:2:letter:0')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.open(tampered, 'batch:1:letter:0')).toThrow();
    expect(() => createJobCipher(key()).open(sealed, 'batch:1:letter:0')).toThrow();
    expect(() => cipher.open(Buffer.from('short'), 'batch:1:letter:0')).toThrow(/Not a sealed value/);
  });

  it('names things by pseudonyms that are stable, say nothing, and keep their parts apart', () => {
    const cipher = createJobCipher(key());
    const name = cipher.pseudonym('client', 'ip:203.0.113.7');
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(cipher.pseudonym('client', 'ip:203.0.113.7')).toBe(name);
    expect(cipher.pseudonym('client', 'ip:203.0.113.8')).not.toBe(name);
    expect(cipher.pseudonym('ab', 'c')).not.toBe(cipher.pseudonym('a', 'bc'));
    expect(createJobCipher(key()).pseudonym('client', 'ip:203.0.113.7')).not.toBe(name);
  });

  it('takes only a 32-byte key', () => {
    expect(() => createJobCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
