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

  it('finds a line to sign on as a rule even where it touches the text over it', () => {
    // Letters (with gaps between them) whose feet touch the line under them.
    const letters: [number, number, number, number][] = [0, 1, 2, 3, 4, 5].map((k) => [40 + k * 11, 100, 8, 10]);
    const image = page(200, 300, [...letters, [30, 110, 90, 1]]);
    // A faint grey line lower down is no ink: a scan's light table borders are not lines to sign on.
    for (let x = 30; x < 120; x++) image.data[200 * 200 + x] = 170;
    const rules = findInkMarks(image, 1).filter((m) => m.rule);
    expect(rules).toEqual([
      { left: 30, top: 110, width: 90, height: 1, fill: 1, rule: true },
    ]);
  });

  it('leaves out specks, ink touching the picture\'s edge (the table around a photo) and blobs over half the page', () => {
    const marks = findInkMarks(page(200, 300, [[10, 10, 2, 2], [0, 100, 20, 20], [20, 60, 150, 200]]), 1);
    expect(marks.filter((m) => !m.rule)).toEqual([]);
  });
});
