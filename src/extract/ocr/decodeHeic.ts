import { createRequire } from 'node:module';
import { DocumentUnreadableError, ImageTooLargeError } from '../../report/errors.js';

const require = createRequire(import.meta.url);

interface HeicImage {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}
type DecodeAll = (input: { buffer: Uint8Array }) => Promise<HeicImage[] & { dispose(): void }>;

let decodeAll: DecodeAll | null = null;

/**
 * HEIC/HEIF (what iPhones save) to RGBA pixels. sharp's libvips has no HEVC decoder, so
 * heic-decode (libheif compiled to JavaScript, bundled in the package, nothing fetched) decodes
 * the primary image; its size is checked before any pixel is decoded.
 */
export async function decodeHeic(bytes: Uint8Array, maxPixels: number): Promise<{ data: Buffer; width: number; height: number }> {
  decodeAll ??= (require('heic-decode') as { all: DecodeAll }).all;
  let images: Awaited<ReturnType<DecodeAll>>;
  try {
    images = await decodeAll({ buffer: new Uint8Array(bytes) });
  } catch {
    throw new DocumentUnreadableError('The HEIC photo could not be read. It may be damaged; export it again as JPEG or take the photo again.');
  }
  try {
    const primary = images[0];
    if (primary.width * primary.height > maxPixels) {
      throw new ImageTooLargeError(`The photo is ${primary.width} x ${primary.height} pixels; at most ${(maxPixels / 1e6).toFixed(0)} megapixels are read.`);
    }
    const { data, width, height } = await primary.decode();
    return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height };
  } catch (error) {
    if (error instanceof ImageTooLargeError) throw error;
    throw new DocumentUnreadableError('The HEIC photo could not be read. It may be damaged; export it again as JPEG or take the photo again.');
  } finally {
    images.dispose();
  }
}
