import type { CheckOptions } from '../checker.js';

/** A letter as it travels to a worker: its bytes and what the checker is told about them. */
export interface Letter {
  bytes: Buffer;
  options: CheckOptions;
}

/**
 * One buffer for a letter and its options (which may hold the student's name), to be sealed whole:
 * a 4-byte length, the options as JSON, then the letter's bytes untouched (no base64 inflation).
 */
export function packLetter({ bytes, options }: Letter): Buffer {
  const header = Buffer.from(JSON.stringify(options));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, bytes]);
}

export function unpackLetter(packed: Buffer): Letter {
  const length = packed.readUInt32BE(0);
  const options = JSON.parse(packed.subarray(4, 4 + length).toString('utf8')) as CheckOptions;
  return { options, bytes: packed.subarray(4 + length) };
}
