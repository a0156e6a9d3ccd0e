import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Marks the layout of a sealed value, so that a later change of cipher can still open old ones. */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface JobCipher {
  /**
   * AES-256-GCM over `plain`, bound to `context` (the Redis key and field it is stored under) as
   * additional data: a value moved to another key, or changed by a byte, does not open.
   */
  seal(plain: Buffer, context: string): Buffer;
  /** The plain bytes of a sealed value; throws on a wrong key, a wrong context or any tampering. */
  open(sealed: Buffer, context: string): Buffer;
  /**
   * A stable name that says nothing of what it names (HMAC-SHA256, 128 bits in hex): what Redis key
   * names are built from when they would otherwise carry an address or a client's own words.
   */
  pseudonym(...parts: string[]): string;
}

/**
 * Everything of a letter that reaches Redis (its bytes, its options, its report, which quotes names
 * and pay) goes through this. JOB_ENCRYPTION_KEY is the one secret; two keys are derived from it
 * (HKDF-SHA256), one to encrypt and one to name keys, so that neither use weakens the other.
 */
export function createJobCipher(base64Key: string): JobCipher {
  const master = Buffer.from(base64Key, 'base64');
  if (master.length !== 32) throw new Error('JOB_ENCRYPTION_KEY must be 32 bytes in base64.');
  const encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'offercheck job encryption', 32));
  const namingKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'offercheck key names', 32));

  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, context) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('Not a sealed value.');
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv);
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    },
    pseudonym(...parts) {
      const mac = createHmac('sha256', namingKey);
      // Lengths first, so that ("ab", "c") and ("a", "bc") differ.
      for (const part of parts) mac.update(`${Buffer.byteLength(part)}:`).update(part);
      return mac.digest('hex').slice(0, 32);
    },
  };
}
