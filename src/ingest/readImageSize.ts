/**
 * The pixel size an image declares in its header, read without decoding anything: a 600 KB PNG
 * can declare 100000 x 100000 pixels (40 GB once decoded), so the size is checked before any
 * decoder (sharp, the OCR engine) sees the file. Multi-page formats (TIFF) give one size per page.
 * null: the header cannot be read (a damaged file, which the decoder will refuse in turn).
 */
export interface ImageSize {
  width: number;
  height: number;
}

export function readImageSizes(bytes: Uint8Array, mediaType: string): ImageSize[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (mediaType) {
      case 'image/png':
        return one(pngSize(buf));
      case 'image/jpeg':
        return one(jpegSize(buf));
      case 'image/gif':
        return one(buf.length >= 10 ? { width: buf.readUInt16LE(6), height: buf.readUInt16LE(8) } : null);
      case 'image/bmp':
        return one(bmpSize(buf));
      case 'image/webp':
        return one(webpSize(buf));
      case 'image/tiff':
        return tiffSizes(buf);
      case 'image/heic':
        return heicSizes(buf);
      default:
        return null;
    }
  } catch {
    // A header field pointing past the end of the file: damaged.
    return null;
  }
}

function one(size: ImageSize | null): ImageSize[] | null {
  return size ? [size] : null;
}

function pngSize(buf: Buffer): ImageSize | null {
  // Signature (8), then the IHDR chunk must come first: length (4), "IHDR", width, height.
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function jpegSize(buf: Buffer): ImageSize | null {
  let at = 2;
  while (at + 9 < buf.length) {
    if (buf[at] !== 0xff) return null;
    const marker = buf[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: buf.readUInt16BE(at + 5), width: buf.readUInt16BE(at + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
    if (marker >= 0xd0 && marker <= 0xd8) {
      at += 2;
      continue;
    }
    at += 2 + buf.readUInt16BE(at + 2);
  }
  return null;
}

/** BITMAPINFOHEADER and later: signed 32-bit width and height (negative: top-down); the OS/2 core header: 16-bit. */
function bmpSize(buf: Buffer): ImageSize | null {
  if (buf.length < 26) return null;
  if (buf.readUInt32LE(14) === 12) return { width: buf.readUInt16LE(18), height: buf.readUInt16LE(20) };
  return { width: Math.abs(buf.readInt32LE(18)), height: Math.abs(buf.readInt32LE(22)) };
}

function webpSize(buf: Buffer): ImageSize | null {
  const chunk = buf.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && buf.length >= 30) return { width: 1 + buf.readUIntLE(24, 3), height: 1 + buf.readUIntLE(27, 3) };
  if (chunk === 'VP8L' && buf.length >= 25) {
    const bits = buf.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && buf.length >= 30) return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
  return null;
}

const MAX_TIFF_PAGES = 1000;

function tiffSizes(buf: Buffer): ImageSize[] | null {
  const little = buf[0] === 0x49;
  const u16 = (at: number) => (little ? buf.readUInt16LE(at) : buf.readUInt16BE(at));
  const u32 = (at: number) => (little ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const sizes: ImageSize[] = [];
  const seen = new Set<number>();
  let ifd = u32(4);
  while (ifd !== 0) {
    // A loop of directories, or an absurd number of pages, is refused rather than followed.
    if (seen.has(ifd) || sizes.length >= MAX_TIFF_PAGES || ifd + 2 > buf.length) return null;
    seen.add(ifd);
    const count = u16(ifd);
    let width = 0;
    let height = 0;
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const value = type === 3 ? u16(entry + 8) : u32(entry + 8);
      if (tag === 256) width = value;
      else if (tag === 257) height = value;
    }
    if (!width || !height) return null;
    sizes.push({ width, height });
    ifd = u32(ifd + 2 + count * 12);
  }
  return sizes.length ? sizes : null;
}

/** HEIF stores each image's size in an "ispe" property box: width and height after 4 bytes of version and flags. */
function heicSizes(buf: Buffer): ImageSize[] | null {
  const sizes: ImageSize[] = [];
  let at = buf.indexOf('ispe', 0, 'latin1');
  while (at >= 4 && at + 16 <= buf.length && sizes.length < MAX_TIFF_PAGES) {
    sizes.push({ width: buf.readUInt32BE(at + 8), height: buf.readUInt32BE(at + 12) });
    at = buf.indexOf('ispe', at + 4, 'latin1');
  }
  return sizes.length ? sizes : null;
}
