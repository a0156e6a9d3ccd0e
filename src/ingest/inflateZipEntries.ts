import { inflateRawSync } from 'node:zlib';
import { ArchiveLimitError, DocumentUnreadableError } from '../report/errors.js';
import { RATIO_CHECK_MIN_BYTES, type ZipEntrySummary, type ZipLimits } from './checkZipArchive.js';

/**
 * Inflates every entry once, each capped at the size its directory declares: a zip bomb that
 * declares 1 KiB and inflates to 4 GiB stops after 1 KiB + 1 byte. The actual sizes must equal
 * the declared ones, so that jszip and mammoth, which trust the declarations, read exactly the
 * bytes checked here. Run where a large archive cannot block requests (the reader worker).
 */
export function inflateZipEntries(bytes: Uint8Array, entries: ZipEntrySummary[], limits: ZipLimits): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = new Map<string, Buffer>();
  let total = 0;
  for (const entry of entries) {
    const data = entryData(buf, entry);
    let content: Buffer;
    if (entry.method === 0) {
      content = data;
    } else {
      try {
        // One byte of headroom: output that reaches it proves the declared size was a lie.
        content = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw lyingSize();
        throw new DocumentUnreadableError('A part of the Word document is damaged.');
      }
    }
    if (content.length > entry.uncompressedSize) throw lyingSize();
    if (content.length !== entry.uncompressedSize) throw new DocumentUnreadableError('A part of the Word document is shorter than it says: the file is damaged.');
    total += content.length;
    if (total > limits.maxUncompressedBytes) throw new ArchiveLimitError(`The document expands to more than ${limits.maxUncompressedBytes} bytes.`);
    if (content.length > RATIO_CHECK_MIN_BYTES && content.length / Math.max(1, data.length) > limits.maxRatio) {
      throw new ArchiveLimitError(`A part of the document expands more than ${limits.maxRatio} times: that is how zip bombs look.`);
    }
    parts.set(entry.name, content);
  }
  return parts;
}

function lyingSize(): Error {
  return new ArchiveLimitError('A part of the document expands beyond the size it declares: that is how zip bombs look.');
}

/** The entry's compressed bytes, located through its local header, whose name must agree with the directory's. */
function entryData(buf: Buffer, entry: ZipEntrySummary): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw new DocumentUnreadableError('The Word document is damaged.');
  const nameLength = buf.readUInt16LE(at + 26);
  const extraLength = buf.readUInt16LE(at + 28);
  const localName = buf.toString('utf8', at + 30, at + 30 + nameLength);
  if (localName !== entry.name) throw new DocumentUnreadableError('The Word document is damaged: its parts are named differently in two places.');
  const start = at + 30 + nameLength + extraLength;
  if (start + entry.compressedSize > buf.length) throw new DocumentUnreadableError('The Word document is truncated.');
  return buf.subarray(start, start + entry.compressedSize);
}
