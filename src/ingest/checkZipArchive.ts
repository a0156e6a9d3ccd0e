import { ArchiveLimitError, DocumentUnreadableError } from '../report/errors.js';

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio allowed for an entry over 1 MiB (zip bombs run to 1000:1). */
  maxRatio: number;
}

export interface ZipEntrySummary {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const ZIP64_MARKER = 0xffffffff;

/**
 * Reads the zip's central directory from the raw bytes and enforces the limits before any
 * reader (mammoth, jszip) inflates a single entry. Declared sizes can lie; readers that
 * inflate afterwards still cap what they produce (see readDocx), this check stops the cheap cases.
 */
export function checkZipArchive(bytes: Uint8Array, limits: ZipLimits): ZipEntrySummary[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new DocumentUnreadableError('The file looks like a Word document but its zip structure is damaged.');
  const entryCount = buf.readUInt16LE(eocd + 10);
  const directorySize = buf.readUInt32LE(eocd + 12);
  const directoryOffset = buf.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || directoryOffset === ZIP64_MARKER || directorySize === ZIP64_MARKER) {
    throw new ArchiveLimitError('ZIP64 archives are not accepted: an offer letter never needs one.');
  }
  if (entryCount > limits.maxEntries) throw new ArchiveLimitError(`The document holds ${entryCount} parts; at most ${limits.maxEntries} are accepted.`);
  if (directoryOffset + directorySize > buf.length) throw new DocumentUnreadableError('The Word document is truncated.');

  const entries: ZipEntrySummary[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new DocumentUnreadableError('The Word document is damaged.');
    const compressedSize = buf.readUInt32LE(at + 20);
    const uncompressedSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLength));
    if (compressedSize === ZIP64_MARKER || uncompressedSize === ZIP64_MARKER) throw new ArchiveLimitError('ZIP64 entries are not accepted.');
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw new ArchiveLimitError(`The document expands to more than ${limits.maxUncompressedBytes} bytes.`);
    if (uncompressedSize > 1024 * 1024 && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new ArchiveLimitError(`A part of the document (${name}) expands more than ${limits.maxRatio} times: that is how zip bombs look.`);
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The EOCD record is 22 bytes plus a comment of up to 65535 bytes at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}
