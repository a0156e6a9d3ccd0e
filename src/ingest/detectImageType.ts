/**
 * The image type of some bytes, from the magic number and a header that agrees with it; null
 * when they are not an image this service reads. Some magic numbers are ordinary text ("BM" is
 * how a letter from "BMW Group" starts, "GIF89a" or "RIFF" can open a sentence), so a magic
 * number alone does not make an image: the fixed fields right after it must hold values a
 * writer of that format puts there. Sizes are not judged here (readImageSizes and the pixel
 * limit do that); only that the header is one.
 */
export function detectImageType(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return isPng(buf) ? 'image/png' : null;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return isJpeg(buf) ? 'image/jpeg' : null;
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return isTiff(buf) ? 'image/tiff' : null;
  if (latin1(buf, 0, 4) === 'RIFF' && latin1(buf, 8, 12) === 'WEBP') return isWebp(buf) ? 'image/webp' : null;
  if (latin1(buf, 0, 6) === 'GIF87a' || latin1(buf, 0, 6) === 'GIF89a') return isGif(buf) ? 'image/gif' : null;
  if (latin1(buf, 0, 2) === 'BM') return isBmp(buf) ? 'image/bmp' : null;
  if (latin1(buf, 4, 8) === 'ftyp') return isHeic(buf) ? 'image/heic' : null;
  return null;
}

function startsWith(buf: Buffer, signature: number[]): boolean {
  return buf.length >= signature.length && signature.every((b, i) => buf[i] === b);
}

function latin1(buf: Buffer, start: number, end: number): string {
  return buf.toString('latin1', start, Math.min(end, buf.length));
}

/** The IHDR chunk comes first and is 13 bytes long (PNG spec 5.6). */
function isPng(buf: Buffer): boolean {
  return buf.length >= 16 && buf.readUInt32BE(8) === 13 && latin1(buf, 12, 16) === 'IHDR';
}

/** After the start-of-image marker, the next marker: APPn, a table, a frame or a comment (all 0xC0 and above). */
function isJpeg(buf: Buffer): boolean {
  return buf.length >= 4 && buf[3] >= 0xc0 && buf[3] !== 0xd9 && buf[3] !== 0xda;
}

/** The first directory lies after the 8-byte header, inside the file. */
function isTiff(buf: Buffer): boolean {
  if (buf.length < 8) return false;
  const first = buf[0] === 0x49 ? buf.readUInt32LE(4) : buf.readUInt32BE(4);
  return first >= 8 && first + 2 <= buf.length;
}

/** The RIFF size is positive and the first chunk is one of the three WebP bitstream headers. */
function isWebp(buf: Buffer): boolean {
  return buf.length >= 16 && buf.readUInt32LE(4) >= 4 && ['VP8 ', 'VP8L', 'VP8X'].includes(latin1(buf, 12, 16));
}

/**
 * The 13-byte screen descriptor (a size that is not zero), then the global colour table if the
 * descriptor announces one, then a block: an extension ('!'), an image (',') or the end (';').
 */
function isGif(buf: Buffer): boolean {
  if (buf.length < 14 || buf.readUInt16LE(6) === 0 || buf.readUInt16LE(8) === 0) return false;
  const packed = buf[10];
  const table = packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
  return [0x21, 0x2c, 0x3b].includes(buf[13 + table]);
}

// BITMAPCOREHEADER, OS/2 v2 (short and full), BITMAPINFOHEADER, V2, V3, V4, V5.
const BMP_INFO_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);
const BMP_BITS_PER_PIXEL = new Set([1, 2, 4, 8, 16, 24, 32, 64]);
// Far past any pixel limit, yet a value a writer could store: the limit refuses it with its own message.
const MAX_BMP_SIDE = 1 << 20;

/**
 * The 14-byte file header (its reserved words zero, the pixels after both headers) and an
 * info header of a known size with one plane, a real bit depth and a size that is not zero.
 */
function isBmp(buf: Buffer): boolean {
  if (buf.length < 26 || buf.readUInt32LE(6) !== 0) return false;
  const infoSize = buf.readUInt32LE(14);
  if (!BMP_INFO_HEADER_SIZES.has(infoSize) || buf.readUInt32LE(10) < 14 + infoSize) return false;
  const core = infoSize === 12;
  if (buf.length < (core ? 26 : 30)) return false;
  const width = core ? buf.readUInt16LE(18) : buf.readInt32LE(18);
  const height = core ? buf.readUInt16LE(20) : buf.readInt32LE(22);
  const planes = core ? buf.readUInt16LE(22) : buf.readUInt16LE(26);
  const bits = core ? buf.readUInt16LE(24) : buf.readUInt16LE(28);
  return planes === 1 && BMP_BITS_PER_PIXEL.has(bits) && width > 0 && width <= MAX_BMP_SIDE && height !== 0 && Math.abs(height) <= MAX_BMP_SIDE;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** An ISO-BMFF "ftyp" box of a sane size (a whole number of 4-byte brands) whose major brand is a HEIF one. */
function isHeic(buf: Buffer): boolean {
  if (buf.length < 12) return false;
  const boxSize = buf.readUInt32BE(0);
  return boxSize >= 16 && boxSize <= 4096 && boxSize % 4 === 0 && HEIF_BRANDS.has(latin1(buf, 8, 12));
}
