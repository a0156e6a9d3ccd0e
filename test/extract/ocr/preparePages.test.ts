import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { measurePageGeometry } from '../../../src/extract/ocr/pageGeometry.js';
import { contrastStretch, prepareImagePages } from '../../../src/extract/ocr/preparePages.js';
import { letterImage } from './letterImage.js';

const limits = { maxPixels: 40_000_000, maxPages: 20 };

async function grayOf(image: Buffer) {
  const { data, info } = await sharp(image).grayscale().resize({ width: 1000, height: 1000, fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('measurePageGeometry', () => {
  it.each([
    [0, 0],
    [3, -3],
    [-2.5, 2.5],
    [90, -90],
    [180, 180],
    [270, 90],
    [92, -92],
    [177, -177],
  ])('finds the turn that puts a page rotated %s degrees upright', async (rotated, correction) => {
    const page = await sharp(await letterImage({ dpi: 120 })).rotate(rotated, { background: '#fff' }).png().toBuffer();
    const geometry = measurePageGeometry(await grayOf(page));
    const off = Math.abs(((geometry.rotation - correction + 540) % 360) - 180);
    expect(off).toBeLessThanOrEqual(0.3);
  });

  it.each(['jpeg-photo-08.jpg', 'jpeg-photo-09.jpg', 'jpeg-photo-10.jpg', 'jpeg-photo-12.jpg'])(
    'keeps an upright phone photo (%s: a few degrees off, the paper\'s edges in view) upright, not a quarter turn off',
    async (name) => {
      const [page] = await prepareImagePages(readFileSync(new URL(`../../../fixtures/ocr/${name}`, import.meta.url)), 'image/jpeg', limits);
      expect(page.geometry.quarterTurn).toBe(0);
      expect(Math.abs(page.geometry.rotation)).toBeLessThan(10);
    },
  );

  it('levels a tilted photo that a phone app set on a white page, whose straight border outweighs nothing', async () => {
    // The letter turned 3 degrees on a dark table, the photo then centred on a white page with
    // margins above and below: the photo's own edges are long level lines against the white.
    const photo = await sharp(await letterImage({ dpi: 100 })).rotate(3, { background: '#3c3e42' }).png().toBuffer();
    const meta = await sharp(photo).metadata();
    const page = await sharp(photo)
      .extend({ top: Math.round(meta.height! * 0.06), bottom: Math.round(meta.height! * 0.06), left: 0, right: 0, background: '#ffffff' })
      .png()
      .toBuffer();
    const geometry = measurePageGeometry(await grayOf(page));
    expect(geometry.rotation).toBeCloseTo(-3, 0);
    expect(geometry.upsideDown).toBe(false);
    // Its lines are measured as text lines (a dozen pixels at this size), not as bands of the border.
    expect(geometry.lineHeight).toBeLessThan(20);
  });

  it('measures nothing on a blank page', () => {
    const geometry = measurePageGeometry({ data: new Uint8Array(400 * 500).fill(250), width: 400, height: 500 });
    expect(geometry).toMatchObject({ rotation: 0, lineHeight: null, textLines: 0 });
  });
});

describe('prepareImagePages', () => {
  it('upscales a low-resolution photo so its text is the size of 300-dpi print, and leaves a 300-dpi scan alone', async () => {
    const [fax] = await prepareImagePages(await letterImage({ dpi: 100, format: 'jpeg' }), 'image/jpeg', limits);
    expect(fax.scale).toBeGreaterThan(2);
    expect(fax.width).toBeGreaterThan(1900);
    const [scan] = await prepareImagePages(await letterImage({ dpi: 300 }), 'image/png', limits);
    expect(scan.scale).toBe(1);
    expect(await sharp(scan.png).metadata()).toMatchObject({ format: 'png', channels: 1 });
  });

  it('applies the EXIF orientation of a phone photo', async () => {
    // Stored sideways with orientation 6 (display turned 90 degrees clockwise): upright once applied.
    const sideways = await sharp(await letterImage({ dpi: 100 })).rotate(-90).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const [page] = await prepareImagePages(sideways, 'image/jpeg', limits);
    expect(page.geometry.quarterTurn).toBe(0);
    expect(page.geometry.upsideDown).toBe(false);
    expect(page.height).toBeGreaterThan(page.width);
  });

  it('refuses an image over the pixel limit with IMAGE_TOO_LARGE', async () => {
    const big = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#fff' } }).png().toBuffer();
    await expect(prepareImagePages(big, 'image/png', { ...limits, maxPixels: 4_000_000 })).rejects.toMatchObject({ code: 'IMAGE_TOO_LARGE' });
  });

  it('refuses a TIFF with more pages than allowed', async () => {
    const page = await letterImage({ dpi: 50 });
    const tiff = await sharp([page, page, page], { join: { animated: true } }).tiff().toBuffer();
    await expect(prepareImagePages(tiff, 'image/tiff', { ...limits, maxPages: 2 })).rejects.toMatchObject({ code: 'TOO_MANY_PAGES' });
  });

  it('answers bytes that are not an image with DOCUMENT_UNREADABLE', async () => {
    await expect(prepareImagePages(Buffer.from('GIF89a but then nothing'), 'image/gif', limits)).rejects.toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
  });
});

describe('contrastStretch', () => {
  it('stretches a grey, faded scan to black ink on white paper', () => {
    const pixels = new Uint8Array(10_000).fill(190);
    pixels.fill(110, 0, 500); // 5% ink
    const { multiply, add } = contrastStretch(pixels) ?? { multiply: 1, add: 0 };
    expect(Math.round(110 * multiply + add)).toBe(0);
    expect(Math.round(190 * multiply + add)).toBe(255);
  });

  it('never turns shaded paper black on a page with almost no ink', () => {
    const pixels = new Uint8Array(10_000).fill(200);
    pixels.fill(180, 0, 300); // shading, 3%
    pixels.fill(60, 0, 10); // a few strokes of ink
    const { multiply, add } = contrastStretch(pixels) ?? { multiply: 1, add: 0 };
    expect(180 * multiply + add).toBeGreaterThan(128);
  });
});
