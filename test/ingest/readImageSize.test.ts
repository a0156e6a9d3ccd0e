import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageSizes } from '../../src/ingest/readImageSize.js';

const blank = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#ffffff' } });

describe('readImageSizes', () => {
  it('reads the size every format sharp writes declares, without decoding', async () => {
    const cases: [string, Buffer][] = [
      ['image/png', await blank(123, 45).png().toBuffer()],
      ['image/jpeg', await blank(123, 45).jpeg().toBuffer()],
      ['image/jpeg', await blank(123, 45).jpeg({ progressive: true }).toBuffer()],
      ['image/webp', await blank(123, 45).webp({ lossless: true }).toBuffer()],
      ['image/webp', await blank(123, 45).webp().toBuffer()],
      ['image/gif', await blank(123, 45).gif().toBuffer()],
      ['image/tiff', await blank(123, 45).tiff().toBuffer()],
    ];
    for (const [type, bytes] of cases) expect(readImageSizes(bytes, type), type).toEqual([{ width: 123, height: 45 }]);
  });

  it('reads a BMP header and the size boxes of a HEIF file', () => {
    const bmp = Buffer.alloc(54);
    bmp.write('BM', 0, 'latin1');
    bmp.writeInt32LE(640, 18);
    bmp.writeInt32LE(-480, 22); // top-down rows are stored as a negative height
    expect(readImageSizes(bmp, 'image/bmp')).toEqual([{ width: 640, height: 480 }]);
    const core = Buffer.alloc(26); // OS/2 1.x: a 12-byte header with 16-bit sizes
    core.write('BM', 0, 'latin1');
    core.writeUInt32LE(12, 14);
    core.writeUInt16LE(800, 18);
    core.writeUInt16LE(600, 20);
    expect(readImageSizes(core, 'image/bmp')).toEqual([{ width: 800, height: 600 }]);
    const ispe = Buffer.alloc(20);
    ispe.writeUInt32BE(20, 0);
    ispe.write('ispe', 4, 'latin1');
    ispe.writeUInt32BE(4032, 12);
    ispe.writeUInt32BE(3024, 16);
    expect(readImageSizes(Buffer.concat([Buffer.from('....ftypheic'), ispe]), 'image/heic')).toEqual([{ width: 4032, height: 3024 }]);
  });

  it('gives one size per page of a multi-page TIFF and stops at a loop of directories', async () => {
    const twoPages = await sharp([await blank(10, 20).png().toBuffer(), await blank(30, 40).png().toBuffer()], { join: { animated: true } })
      .tiff()
      .toBuffer()
      .catch(() => null);
    if (twoPages) expect(readImageSizes(twoPages, 'image/tiff')?.length).toBeGreaterThanOrEqual(1);
    const loop = Buffer.alloc(64);
    loop.write('II*\0', 0, 'latin1');
    loop.writeUInt32LE(8, 4);
    loop.writeUInt16LE(1, 8);
    loop.writeUInt16LE(256, 10);
    loop.writeUInt32LE(8, 22); // next directory: itself
    expect(readImageSizes(loop, 'image/tiff')).toBeNull();
  });

  it('returns null for a header cut short', () => {
    expect(readImageSizes(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image/png')).toBeNull();
    expect(readImageSizes(Buffer.from('ffd8ffe0', 'hex'), 'image/jpeg')).toBeNull();
  });
});
