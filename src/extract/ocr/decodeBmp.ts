import { ImageTooLargeError, UnsupportedMediaTypeError } from '../../report/errors.js';

/**
 * Uncompressed Windows bitmaps (what some scanner software saves) to grayscale pixels: libvips,
 * and so sharp, has no BMP loader. 1-, 4- and 8-bit palette images and 24/32-bit colour, stored
 * bottom-up or top-down; run-length compressed bitmaps are refused as unsupported.
 */
export function decodeBmp(bytes: Uint8Array, maxPixels: number): { data: Buffer; width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unsupported = () => new UnsupportedMediaTypeError('This BMP image cannot be read; save the scan as PNG or JPEG.');
  if (bytes.length < 54 || view.getUint16(0, true) !== 0x4d42) throw unsupported();
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bits = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0 || ![1, 4, 8, 24, 32].includes(bits)) throw unsupported();
  // 0: none; 3: bit fields, accepted for 32-bit images in the usual BGRA layout.
  if (!(compression === 0 || (compression === 3 && bits === 32))) throw unsupported();
  if (width * height > maxPixels) {
    throw new ImageTooLargeError(`The image is ${width} x ${height} pixels; at most ${(maxPixels / 1e6).toFixed(0)} megapixels are read.`);
  }
  const stride = Math.ceil((width * bits) / 32) * 4;
  if (dataOffset + stride * height > bytes.length) throw unsupported();

  const gray = (r: number, g: number, b: number) => Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  let palette: Uint8Array | null = null;
  if (bits <= 8) {
    const colours = view.getUint32(46, true) || 1 << bits;
    const start = 14 + headerSize;
    palette = new Uint8Array(colours);
    for (let i = 0; i < colours && start + i * 4 + 2 < bytes.length; i++) {
      palette[i] = gray(bytes[start + i * 4 + 2], bytes[start + i * 4 + 1], bytes[start + i * 4]);
    }
  }
  const out = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    // Positive height: rows are stored bottom-up.
    const row = dataOffset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      let value: number;
      if (palette) {
        const bit = x * bits;
        const byte = bytes[row + (bit >> 3)];
        const index = bits === 8 ? byte : (byte >> (8 - bits - (bit & 7))) & ((1 << bits) - 1);
        value = palette[index] ?? 0;
      } else {
        const at = row + x * (bits / 8);
        value = gray(bytes[at + 2], bytes[at + 1], bytes[at]);
      }
      out[y * width + x] = value;
    }
  }
  return { data: out, width, height };
}
