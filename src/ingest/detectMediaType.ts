import { detectImageType } from './detectImageType.js';
import { readHeaderBlock } from './readHeaderBlock.js';
import { detectTextEncoding } from './textEncoding.js';

/** The kinds of document the service reads, decided from the bytes and never from a name or a header. */
export type DocumentKind = 'pdf' | 'docx' | 'doc' | 'email' | 'msg' | 'text' | 'image';

export interface DetectedType {
  kind: DocumentKind;
  mediaType: string;
  /** Plain text only: the WHATWG name of its character encoding ("utf-8", "windows-1252"). */
  encoding?: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, Math.min(end, bytes.length))).toString('latin1');
}

// Stream names sit in a compound file's directory as UTF-16.
const WORD_DOCUMENT_STREAM = Buffer.from('WordDocument', 'utf16le');
const OUTLOOK_PROPERTIES_STREAM = Buffer.from('__properties_version1.0', 'utf16le');

/**
 * A Word 97-2003 .doc: an OLE2 compound file with a WordDocument stream and no Outlook property
 * streams (a message that attaches a .doc stays a message). readCompoundFile() checks its
 * structure before anything reads it.
 */
function isWordBinaryFile(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return false;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buf.includes(WORD_DOCUMENT_STREAM) && !buf.includes(OUTLOOK_PROPERTIES_STREAM);
}

/**
 * Magic numbers first; the text formats (email, plain text) last, because they have none.
 * A zip is only a DOCX when its first entries name word/document.xml or [Content_Types].xml
 * with a wordprocessing main part: checkZipArchive() confirms that before anything inflates it.
 * An image needs a header that agrees with its magic number; bytes that merely start like one
 * ("BMW Group ...") go on to the text formats. `declaredCharset` is the charset parameter of the
 * upload's Content-Type, used only if the bytes are plain text.
 */
export function detectMediaType(bytes: Uint8Array, declaredCharset?: string | null): DetectedType | null {
  if (bytes.length === 0) return null;
  // PDF: "%PDF-" may follow a little junk; readers accept it within the first 1 KiB.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { kind: 'pdf', mediaType: 'application/pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'docx', mediaType: DOCX };
  if (isWordBinaryFile(bytes)) return { kind: 'doc', mediaType: 'application/msword' };
  // Any other OLE2 compound file: Outlook .msg (also old .xls, which the msg reader rejects as unreadable).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'msg', mediaType: 'application/vnd.ms-outlook' };
  const image = detectImageType(bytes);
  if (image) return { kind: 'image', mediaType: image };
  return detectTextType(bytes, declaredCharset);
}

// Fields that make a header block an email's; From must be among them (RFC 5322 3.6 requires it).
const EMAIL_FIELDS = ['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'received', 'return-path'];

/**
 * Text formats. An email opens with a header block (however many Received, ARC and DKIM lines
 * come first) that has From and another email field; its body may be in any charset, which the
 * MIME reader decodes part by part. Anything else is plain text if it decodes without control
 * characters in its declared or detected encoding.
 */
function detectTextType(bytes: Uint8Array, declaredCharset?: string | null): DetectedType | null {
  const names = readHeaderBlock(bytes);
  if (names?.has('from') && EMAIL_FIELDS.filter((f) => names.has(f)).length >= 2 && isTextLike(bytes)) {
    return { kind: 'email', mediaType: 'message/rfc822' };
  }
  const encoding = detectTextEncoding(bytes, declaredCharset);
  return encoding ? { kind: 'text', mediaType: 'text/plain', encoding } : null;
}

/** No control bytes in the first 64 KB, read byte for byte (an email's body may be 8-bit in any charset, never binary). */
function isTextLike(bytes: Uint8Array): boolean {
  return !/[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/.test(ascii(bytes, 0, 64 * 1024));
}
