import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

// What is sniffed (control bytes, the detector's statistics): a letter's worth and more.
const SAMPLE_BYTES = 64 * 1024;
// Bytes that no text carries (ESC is let through: some terminals' output has it). A single-byte
// encoding turns any bytes into characters, so this is what tells text from binary.
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/;

/**
 * The character encoding of a text upload, as its WHATWG name ("utf-8", "windows-1252",
 * "shift_jis"), or null when the bytes are not text once decoded. In order: a byte order mark;
 * the charset the client declared, if it is a known one; UTF-8 when the bytes are valid UTF-8;
 * else what chardet (a port of ICU's detector) finds in the first 64 KB. Letters saved by Word
 * or Notepad on Windows as "plain text" are windows-1252, or UTF-16 with a BOM.
 */
export function detectTextEncoding(bytes: Uint8Array, declaredCharset?: string | null): string | null {
  const encoding = chooseEncoding(bytes, declaredCharset);
  const sample = decodeText(bytes.subarray(0, SAMPLE_BYTES), encoding);
  return CONTROL.test(sample) ? null : encoding;
}

/**
 * Bytes to text in an encoding detectTextEncoding named, without a byte order mark. UTF-8 and
 * UTF-16 go through TextDecoder; the legacy encodings through iconv-lite, because Node 20.18.3
 * and later decode windows-1252 as latin1 (nodejs/node#60888: 0x92 comes out as U+0092, not ’).
 */
export function decodeText(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be' || !iconv.encodingExists(encoding)) {
    return new TextDecoder(encoding).decode(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

/** The WHATWG name of a charset label ("latin1" and "us-ascii" are windows-1252 there, as in every browser); null for an unknown one. */
export function encodingOfLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    const name = new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
    // "replacement" stands for labels (ISO-2022-KR, HZ) that must not be decoded at all.
    return name === 'replacement' ? null : name;
  } catch {
    return null;
  }
}

function chooseEncoding(bytes: Uint8Array, declaredCharset: string | null | undefined): string {
  const bom = encodingOfBom(bytes);
  if (bom) return bom;
  const declared = encodingOfLabel(declaredCharset);
  // A declared UTF-8 that is not valid UTF-8 is a mislabel: the detector knows better.
  if (declared && declared !== 'utf-8') return declared;
  if (isUtf8(bytes)) return 'utf-8';
  return detectLegacyEncoding(bytes.subarray(0, SAMPLE_BYTES));
}

function encodingOfBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Bytes that are not UTF-8: chardet's best guess where it names an encoding we can decode, else
 * windows-1252 (the encoding of Western "plain text" on Windows, and a superset of latin1's letters).
 */
function detectLegacyEncoding(sample: Uint8Array): string {
  const guess = encodingOfLabel(chardet.detect(sample));
  return guess && guess !== 'utf-8' ? guess : 'windows-1252';
}
