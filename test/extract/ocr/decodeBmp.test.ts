import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeBmp } from '../../../src/extract/ocr/decodeBmp.js';
import { prepareImagePages } from '../../../src/extract/ocr/preparePages.js';
import { letterImage } from './letterImage.js';

/** A bottom-up BMP: 24-bit colour from RGB pixels, or 8-bit with a gray palette from gray pixels. */
function bmpOf(pixels: Uint8Array, width: number, height: number, bits: 8 | 24): Buffer {
  const stride = Math.ceil((width * bits) / 32) * 4;
  const paletteSize = bits === 8 ? 256 * 4 : 0;
  const offset = 54 + paletteSize;
  const file = Buffer.alloc(offset + stride * height);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(offset, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(bits, 28);
  for (let i = 0; bits === 8 && i < 256; i++) file.fill(i, 54 + i * 4, 54 + i * 4 + 3);
  for (let y = 0; y < height; y++) {
    const row = offset + (height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      if (bits === 8) file[row + x] = pixels[y * width + x];
      else {
        const at = (y * width + x) * 3;
        file[row + x * 3] = pixels[at + 2];
        file[row + x * 3 + 1] = pixels[at + 1];
        file[row + x * 3 + 2] = pixels[at];
      }
    }
  }
  return file;
}

describe('decodeBmp', () => {
  it('reads 24-bit and 8-bit palette bitmaps, bottom-up, to the same gray pixels', () => {
    const gray = Uint8Array.from([0, 64, 128, 255, 30, 200]);
    const rgb = Uint8Array.from([...gray].flatMap((v) => [v, v, v]));
    expect([...decodeBmp(bmpOf(gray, 3, 2, 8), 1e6).data]).toEqual([...gray]);
    expect(decodeBmp(bmpOf(rgb, 3, 2, 24), 1e6)).toMatchObject({ width: 3, height: 2, data: Buffer.from(gray) });
  });

  it('refuses run-length compressed bitmaps and oversized ones with problem codes', () => {
    const rle = bmpOf(new Uint8Array(4), 2, 2, 8);
    rle.writeUInt32LE(1, 30);
    expect(() => decodeBmp(rle, 1e6)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => decodeBmp(bmpOf(new Uint8Array(100), 10, 10, 8), 50)).toThrow(expect.objectContaining({ code: 'IMAGE_TOO_LARGE' }));
  });

  it('feeds a scanned letter saved as BMP into the page cleaning', async () => {
    const { data, info } = await sharp(await letterImage({ dpi: 100 })).grayscale().raw().toBuffer({ resolveWithObject: true });
    const [page] = await prepareImagePages(bmpOf(data, info.width, info.height, 8), 'image/bmp', { maxPixels: 40e6, maxPages: 5 });
    expect(page.geometry.textLines).toBeGreaterThan(10);
    expect(page.geometry.upsideDown).toBe(false);
  });
});
