import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findBlankBand, splitPage } from '../../../src/extract/ocr/splitPage.js';
import { letterImage } from './letterImage.js';

/** A grayscale page of `rows` rows: ink where `inked(y)` says, paper elsewhere. */
function page(rows: number, inked: (y: number) => boolean, width = 100): Uint8Array {
  const gray = new Uint8Array(width * rows).fill(255);
  for (let y = 0; y < rows; y++) if (inked(y)) gray.fill(0, y * width + 10, y * width + 90);
  return gray;
}

// Lines of text 6 rows tall every 10 rows (the shrunk copy splitPage measures), from row 20 to 180 of 200.
const line = (y: number) => y >= 20 && y < 180 && y % 10 < 6;

describe('findBlankBand', () => {
  it('finds the paragraph gap nearest the middle', () => {
    const gray = page(200, (y) => line(y) && !(y >= 90 && y < 110) && !(y >= 140 && y < 160));
    const cut = findBlankBand(gray, 100, 200);
    expect(cut).toBeGreaterThanOrEqual(90);
    expect(cut).toBeLessThan(110);
  });

  it('does not cut between two lines of a paragraph, nor in the margins', () => {
    expect(findBlankBand(page(200, line), 100, 200)).toBeNull();
    // A tall gap, but only a fifth of the way down: the halves would be too unequal to gain anything.
    expect(findBlankBand(page(200, (y) => line(y) && !(y >= 30 && y < 50)), 100, 200)).toBeNull();
  });
});

describe('splitPage', () => {
  it('cuts a letter page across blank paper into two bands that make up the page', async () => {
    const png = await sharp(await letterImage({ dpi: 300 })).toColourspace('b-w').png().toBuffer();
    const split = await splitPage(png, 2550, 3300);
    expect(split).not.toBeNull();
    const halves = split!.bands;
    const [top, bottom] = await Promise.all(halves.map((half) => sharp(half).metadata()));
    expect(top.width).toBe(2550);
    expect(bottom.width).toBe(2550);
    expect(top.height! + bottom.height!).toBe(3300);
    expect(split!.cutAt).toBe(top.height);
    // The row on each side of the cut is paper.
    const edge = async (half: Buffer, row: number) => {
      const { data } = await sharp(half).extract({ left: 0, top: row, width: 2550, height: 1 }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
      return Math.min(...data);
    };
    expect(await edge(halves[0], top.height! - 1)).toBeGreaterThan(200);
    expect(await edge(halves[1], 0)).toBeGreaterThan(200);
  });
});
