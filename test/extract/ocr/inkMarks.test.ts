import { describe, expect, it } from 'vitest';
import { findInkMarks } from '../../../src/extract/ocr/inkMarks.js';

/** A white page w x h with dark rectangles drawn on it. */
function page(width: number, height: number, rects: [left: number, top: number, w: number, h: number][]) {
  const data = new Uint8Array(width * height).fill(245);
  for (const [left, top, w, h] of rects) {
    for (let y = top; y < top + h; y++) for (let x = left; x < left + w; x++) data[y * width + x] = 20;
  }
  return { data, width, height };
}

describe('findInkMarks', () => {
  it('gives each blob of ink its box in the full page\'s pixels, a one-pixel rule included', () => {
    const marks = findInkMarks(page(200, 300, [[20, 40, 30, 8], [60, 120, 100, 1]]), 1 / 3);
    expect(marks).toContainEqual({ left: 60, top: 40 * 3, width: 90, height: 24, fill: 1 });
    expect(marks).toContainEqual({ left: 180, top: 360, width: 300, height: 3, fill: 1 });
  });

  it('joins strokes a pixel apart into one mark and keeps strokes further apart as two', () => {
    const marks = findInkMarks(page(200, 300, [[20, 40, 10, 10], [31, 40, 10, 10], [100, 40, 10, 10]]), 1);
    expect(marks.map((m) => [m.left, m.width])).toEqual(expect.arrayContaining([[20, 21], [100, 10]]));
    expect(marks).toHaveLength(2);
  });

  it('leaves out specks, ink touching the picture\'s edge (the table around a photo) and blobs over half the page', () => {
    const marks = findInkMarks(page(200, 300, [[10, 10, 2, 2], [0, 100, 20, 20], [20, 60, 150, 200]]), 1);
    expect(marks).toEqual([]);
  });
});
