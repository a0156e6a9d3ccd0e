import { ArchiveLimitError, DocumentEncryptedError, DocumentUnreadableError } from '../report/errors.js';

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio allowed for an entry over 1 MiB (zip bombs run to 1000:1). */
  maxRatio: number;
  /**
   * Largest XML part (document.xml, a header, a .rels): readers turn it into one string and a tree,
   * and a single allocation far past a worker's heap cap can abort the whole process rather than
   * just the worker. Absent: DEFAULT_MAX_XML_PART_BYTES. Pictures in the zip are never read as text.
   */
  maxXmlPartBytes?: number;
}

export const DEFAULT_MAX_XML_PART_BYTES = 16 * 1024 * 1024;

export interface ZipEntrySummary {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflate: the only two methods Word writes and the only two accepted. */
  method: number;
  /** Offset of the entry's local header, where its data starts after the header's name and extra field. */
  localHeaderOffset: number;
}

const EOCD_SIGNATURE_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;
/** Entries at least this large must also stay under the ratio limit; small XML parts compress 10-50x legitimately. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/**
 * Reads the zip's central directory from the raw bytes and enforces the limits before any
 * reader (mammoth, jszip) inflates a single entry: entry count, declared sizes, ratio, ZIP64,
 * encryption, and the tricks that make a small zip expand to gigabytes or make two readers
 * see two different documents (overlapping entries, duplicate names, a second directory).
 * Declared sizes can lie: inflateZipEntries() then checks the actual sizes with a hard cap.
 */
export function checkZipArchive(bytes: Uint8Array, limits: ZipLimits): ZipEntrySummary[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new DocumentUnreadableError('The file looks like a Word document but its zip structure is damaged.');
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) {
    throw new ArchiveLimitError('ZIP64 archives are not accepted: an offer letter never needs one.');
  }
  const diskNumber = buf.readUInt16LE(eocd + 4);
  const directoryDisk = buf.readUInt16LE(eocd + 6);
  const entriesOnDisk = buf.readUInt16LE(eocd + 8);
  const entryCount = buf.readUInt16LE(eocd + 10);
  const directorySize = buf.readUInt32LE(eocd + 12);
  const directoryOffset = buf.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || directoryOffset === ZIP64_MARKER || directorySize === ZIP64_MARKER) {
    throw new ArchiveLimitError('ZIP64 archives are not accepted: an offer letter never needs one.');
  }
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new DocumentUnreadableError('The Word document is split across several files; send it as one .docx.');
  }
  if (entryCount > limits.maxEntries) throw new ArchiveLimitError(`The document holds ${entryCount} parts; at most ${limits.maxEntries} are accepted.`);
  // The directory sits right before its end record; anything else means a damaged or doctored file.
  if (directoryOffset + directorySize !== eocd) throw new DocumentUnreadableError('The Word document is truncated or damaged.');

  const entries: ZipEntrySummary[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new DocumentUnreadableError('The Word document is damaged.');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const uncompressedSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localHeaderOffset = buf.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > eocd) throw new DocumentUnreadableError('The Word document is damaged.');
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (compressedSize === ZIP64_MARKER || uncompressedSize === ZIP64_MARKER || localHeaderOffset === ZIP64_MARKER || hasExtraField(buf, at + 46 + nameLength, extraLength, ZIP64_EXTRA_ID)) {
      throw new ArchiveLimitError('ZIP64 entries are not accepted.');
    }
    if (flags & 0x1) throw new DocumentEncryptedError('The Word document is encrypted. Send a copy without a password.');
    if (method !== 0 && method !== 8) throw new DocumentUnreadableError('The Word document uses a compression method Word never writes.');
    if (method === 0 && compressedSize !== uncompressedSize) throw new DocumentUnreadableError('The Word document is damaged.');
    if (names.has(name)) throw new DocumentUnreadableError('The Word document names one part twice: readers would disagree on its content.');
    names.add(name);
    if (localHeaderOffset + 30 + compressedSize > directoryOffset) throw new DocumentUnreadableError('The Word document is truncated.');
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw new ArchiveLimitError(`The document expands to more than ${limits.maxUncompressedBytes} bytes.`);
    if (uncompressedSize > RATIO_CHECK_MIN_BYTES && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new ArchiveLimitError(`A part of the document expands more than ${limits.maxRatio} times: that is how zip bombs look.`);
    }
    const maxXml = limits.maxXmlPartBytes ?? DEFAULT_MAX_XML_PART_BYTES;
    if (/\.(?:xml|rels)$/i.test(name) && uncompressedSize > maxXml) {
      throw new ArchiveLimitError(`A text part of the document is ${uncompressedSize} bytes; a letter's is well under ${maxXml}.`);
    }
    entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset });
    at = end;
  }
  if (at !== eocd) throw new DocumentUnreadableError('The Word document is damaged.');
  checkNoOverlap(buf, entries);
  return entries;
}

/**
 * Entries must occupy separate byte ranges. Overlapping entries ("a better zip bomb") reuse one
 * compressed stream for thousands of names, so the declared total looks modest per entry.
 */
function checkNoOverlap(buf: Buffer, entries: ZipEntrySummary[]): void {
  const ranges = entries
    .map((e) => {
      const at = e.localHeaderOffset;
      if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new DocumentUnreadableError('The Word document is damaged.');
      const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
      return { at, end: start + e.compressedSize };
    })
    .sort((a, b) => a.at - b.at);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].at < ranges[i - 1].end) throw new ArchiveLimitError('Parts of the document overlap each other: that is how zip bombs look.');
  }
}

function hasExtraField(buf: Buffer, start: number, length: number, id: number): boolean {
  let at = start;
  const end = start + length;
  while (at + 4 <= end) {
    if (buf.readUInt16LE(at) === id) return true;
    at += 4 + buf.readUInt16LE(at + 2);
  }
  return false;
}

/**
 * The EOCD record is 22 bytes plus a comment of up to 65535 bytes at the very end. Like jszip,
 * take the last signature; its comment must then reach exactly to the end of the file, or a
 * second record hides in the comment and two readers could see two different archives.
 */
export function findEndOfCentralDirectory(buf: Buffer): number {
  if (buf.length < 22) return -1;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  // The nearest signature to the end (a native search: every upload of a PDF passes through here).
  const i = buf.lastIndexOf(EOCD_SIGNATURE_BYTES, buf.length - 22);
  if (i < stop) return -1;
  return i + 22 + buf.readUInt16LE(i + 20) === buf.length ? i : -1;
}
