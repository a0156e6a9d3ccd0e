import { findEndOfCentralDirectory } from './checkZipArchive.js';
import type { DetectedType } from './detectMediaType.js';

const PDF_MARKER = '%PDF-';

// Magic numbers at offset 0 that make a file something other than a PDF, whatever follows.
const OTHER_MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'a zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an Office compound file', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a RIFF (WebP) file', bytes: [0x52, 0x49, 0x46, 0x46] },
];

/**
 * A polyglot is valid as two formats at once (a PDF that is also a zip, a PNG that is also a PDF):
 * each reader sees a different document, which is how content is smuggled past one checker into
 * another system. The service reads what the first bytes say; when the same bytes are also
 * another format that a common reader would open, it names the second one so the upload is refused.
 */
export function findPolyglot(bytes: Uint8Array, detected: DetectedType): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buf.toString('latin1', 0, Math.min(buf.length, 1024));
  const pdfAt = head.indexOf(PDF_MARKER);
  if (detected.kind === 'pdf' && pdfAt > 0) {
    // PDF readers accept junk before "%PDF-"; a prefix that is itself a document or markup is not junk.
    const other = OTHER_MAGIC.find((m) => m.bytes.every((b, i) => buf[i] === b));
    if (other) return `${other.name} and a PDF`;
    if (/<(?:html|script|svg|!doctype|\?xml)/i.test(head.slice(0, pdfAt))) return 'a web page and a PDF';
  }
  if (detected.kind !== 'docx' && hasZipDirectory(buf)) {
    return `${detected.kind === 'pdf' ? 'a PDF' : `a ${detected.mediaType} file`} and a zip archive`;
  }
  return null;
}

/**
 * A zip reader starts from the end record and finds the directory right before it, even when
 * the offsets inside are relative to a zip glued onto the end of another file (unzip and jszip
 * both correct for such a prefix): a well-formed end record makes the file a zip too.
 */
function hasZipDirectory(buf: Buffer): boolean {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return false;
  const entryCount = buf.readUInt16LE(eocd + 10);
  const directory = eocd - buf.readUInt32LE(eocd + 12);
  return entryCount > 0 && directory >= 0 && buf.readUInt32LE(directory) === 0x02014b50;
}
