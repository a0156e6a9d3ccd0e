/** The kinds of document the service reads, decided from the bytes and never from a name or a header. */
export type DocumentKind = 'pdf' | 'docx' | 'doc' | 'email' | 'msg' | 'text' | 'image';

export interface DetectedType {
  kind: DocumentKind;
  mediaType: string;
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
 */
export function detectMediaType(bytes: Uint8Array): DetectedType | null {
  if (bytes.length === 0) return null;
  // PDF: "%PDF-" may follow a little junk; readers accept it within the first 1 KiB.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { kind: 'pdf', mediaType: 'application/pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'docx', mediaType: DOCX };
  if (isWordBinaryFile(bytes)) return { kind: 'doc', mediaType: 'application/msword' };
  // Any other OLE2 compound file: Outlook .msg (also old .xls, which the msg reader rejects as unreadable).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'msg', mediaType: 'application/vnd.ms-outlook' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mediaType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mediaType: 'image/jpeg' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'image', mediaType: 'image/tiff' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', mediaType: 'image/webp' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', mediaType: 'image/gif' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26) return { kind: 'image', mediaType: 'image/bmp' };
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return { kind: 'image', mediaType: 'image/heic' };
    return null;
  }
  return detectTextType(bytes);
}

/** Text formats: valid UTF-8 without control bytes; an email when it opens with RFC 5322 headers. */
function detectTextType(bytes: Uint8Array): DetectedType | null {
  const head = bytes.subarray(0, 64 * 1024);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch (error) {
    // A multi-byte character cut at the 64 KiB boundary is still text.
    if (bytes.length <= head.length) return null;
    text = new TextDecoder('utf-8').decode(head.subarray(0, head.length - 4));
  }
  if (/[\x00-\x08\x0e-\x1f\x7f]/.test(text.replace(/\x1b/g, ''))) return null;
  const firstLines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 30);
  const headerNames = new Set<string>();
  for (const line of firstLines) {
    if (line.trim() === '') break;
    const m = /^([A-Za-z][A-Za-z0-9-]*):/.exec(line);
    if (m) headerNames.add(m[1].toLowerCase());
    else if (!/^[ \t]/.test(line)) break;
  }
  const emailHeaders = ['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'received', 'return-path'];
  const hits = emailHeaders.filter((h) => headerNames.has(h)).length;
  if (hits >= 2 && headerNames.has('from')) return { kind: 'email', mediaType: 'message/rfc822' };
  return { kind: 'text', mediaType: 'text/plain' };
}
