import { createInflate, inflateSync } from 'node:zlib';
import { ArchiveLimitError } from '../report/errors.js';

export interface PdfStreamLimits {
  /** Largest decoded size of one stream: an RGBA image at the pixel limit. */
  maxStreamBytes: number;
  /** Decoded size of all the file's compressed streams together (MAX_PDF_DECODED_BYTES). */
  maxTotalBytes: number;
}

/**
 * pdf.js decodes a FlateDecode stream into one growing buffer outside the JavaScript heap, so a
 * worker's heap cap does not see it: a 300 KB PDF holding 300 MB of compressed spaces took a
 * reader to 1.3 GB. Every stream in a PDF sits at the top level of the file (object streams hold
 * no streams), between "stream" and "endstream": each one that starts like zlib data is inflated
 * here, counted and thrown away, and the file is refused once a stream or the total passes the limits.
 * Streams encoded as text first (ASCIIHex/ASCII85 then Flate) are not measured here; the reader
 * worker's memory watchdog bounds those.
 */
export async function checkPdfStreams(bytes: Uint8Array, limits: PdfStreamLimits): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    const keyword = buf.indexOf('stream', at, 'latin1');
    if (keyword < 0) return;
    at = keyword + 6;
    if (keyword >= 3 && buf.toString('latin1', keyword - 3, keyword) === 'end') continue;
    let start = at;
    if (buf[start] === 0x0d) start += 1;
    if (buf[start] !== 0x0a && buf[start - 1] !== 0x0d) continue; // "stream" inside some other token
    if (buf[start] === 0x0a) start += 1;
    if (!looksLikeZlib(buf, start)) continue;
    const end = buf.indexOf('endstream', start, 'latin1');
    const data = buf.subarray(start, end < 0 ? buf.length : end);
    const stopAfter = Math.min(limits.maxStreamBytes, limits.maxTotalBytes - total) + 1;
    const size = inflatedSizeAtOnce(data, stopAfter) ?? (await inflatedSize(data, stopAfter));
    if (size > limits.maxStreamBytes) {
      throw new ArchiveLimitError(`A part of the PDF expands to more than ${limits.maxStreamBytes} bytes: that is how decompression bombs look.`);
    }
    total += size;
    if (total > limits.maxTotalBytes) throw new ArchiveLimitError(`The PDF expands to more than ${limits.maxTotalBytes} bytes.`);
    at = Math.max(at, start + 1);
  }
}

function looksLikeZlib(buf: Buffer, at: number): boolean {
  if (at + 2 > buf.length) return false;
  const cmf = buf[at];
  const flg = buf[at + 1];
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0;
}

// A stream is inflated in one go only while its output stays this small; past it, it is counted
// by the streaming path, which never holds the output.
const AT_ONCE_MAX_OUTPUT = 4 * 1024 * 1024;

/**
 * A letter's content streams and fonts inflate to a few KB or a few hundred: one synchronous
 * call costs microseconds, where a streaming inflate costs a thread-pool round trip each (about
 * 2 ms over a one-page letter). A stream that would pass AT_ONCE_MAX_OUTPUT (or the limits), and a
 * damaged one, takes the streaming path instead.
 */
function inflatedSizeAtOnce(data: Buffer, stopAfter: number): number | null {
  try {
    return inflateSync(data, { maxOutputLength: Math.min(stopAfter, AT_ONCE_MAX_OUTPUT) }).length;
  } catch {
    return null;
  }
}

/** Output bytes of a zlib stream, counted as they come and never kept; stops once `stopAfter` is reached. */
function inflatedSize(data: Buffer, stopAfter: number): Promise<number> {
  return new Promise((resolve) => {
    let size = 0;
    let done = false;
    const inflate = createInflate({ chunkSize: 64 * 1024 });
    const finish = () => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(size);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size >= stopAfter) finish();
    });
    // A damaged stream is pdf.js's to judge: what inflated before the damage is what counts.
    inflate.on('error', finish);
    inflate.on('end', finish);
    inflate.end(data);
  });
}
