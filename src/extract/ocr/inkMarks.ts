/**
 * Where a page prepared for OCR has ink, as boxes: words merged into blobs, a drawn signature, a
 * rule, a logo. OCR reads only what looks like text: a signature drawn in one stroke, a line to
 * sign on ("______") or a logo leave no word behind, and the page's structure (pageFromOcr) puts
 * back as pictures and rules the marks that no word covers. Measured on a reduced copy of the page
 * the engine reads, so that the boxes are in its frame. A pure function over raw pixels.
 */
import type { GrayImage } from './pageGeometry.js';

/** A box in pixels of the page as prepared for OCR. */
export interface InkMark {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Dark pixels of the reduced copy in the box over the box's area there: low for strokes, 1 for a solid block. */
  fill: number;
}

// After the contrast stretch, ink is black on white paper; anything darker than mid-grey is ink.
const INK_LEVEL = 128;
// Ink this close (pixels of the reduced copy) joins one blob: letters of a word, strokes of a signature.
const JOIN = 1;
// Fewer pixels than this in the reduced copy is a speck.
const MIN_PIXELS = 6;
// At most this many marks are kept (the largest): a page of text has a few hundred word blobs.
const MAX_MARKS = 1500;

/**
 * The ink of a reduced copy of the page as marks, in the full page's pixels (`scale` is the copy's
 * width over the page's). Blobs touching the picture's edge are left out: they are the table or
 * floor around a photographed sheet, not ink on it; so is a blob over half the page wide or high.
 */
export function findInkMarks(image: GrayImage, scale: number): InkMark[] {
  const { data, width, height } = image;
  if (width < 8 || height < 8) return [];
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = data[i] < INK_LEVEL ? 1 : 0;
  // Joined ink: dilated by JOIN in every direction, so nearby strokes are one component.
  const joined = dilate(ink, width, height, JOIN);
  const labels = new Int32Array(width * height).fill(-1);
  const marks: (InkMark & { pixels: number; edge: boolean })[] = [];
  const stack: number[] = [];
  for (let start = 0; start < joined.length; start++) {
    if (!joined[start] || labels[start] !== -1) continue;
    const id = marks.length;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    let pixels = 0;
    labels[start] = id;
    stack.push(start);
    while (stack.length) {
      const at = stack.pop()!;
      const x = at % width;
      const y = (at - x) / width;
      // The box is the ink's, not the joining margin's.
      if (ink[at]) {
        pixels += 1;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (joined[next] && labels[next] === -1) {
            labels[next] = id;
            stack.push(next);
          }
        }
      }
    }
    if (pixels === 0) continue;
    const edge = x0 === 0 || y0 === 0 || x1 === width - 1 || y1 === height - 1;
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    marks.push({ left: x0, top: y0, width: w, height: h, fill: pixels / (w * h), pixels, edge });
  }
  return marks
    .filter((m) => !m.edge && m.pixels >= MIN_PIXELS && m.width <= width / 2 && m.height <= height / 2)
    .sort((a, b) => b.pixels - a.pixels)
    .slice(0, MAX_MARKS)
    .map((m) => ({
      left: Math.round(m.left / scale),
      top: Math.round(m.top / scale),
      width: Math.round(m.width / scale),
      height: Math.round(m.height / scale),
      fill: Math.round(m.fill * 100) / 100,
    }));
}

/** The ink grown by `r` pixels in every direction (a square neighbourhood, done as two passes). */
function dilate(ink: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const across = new Uint8Array(ink.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (!ink[row + x]) continue;
      for (let k = Math.max(0, x - r); k <= Math.min(width - 1, x + r); k++) across[row + k] = 1;
    }
  }
  const out = new Uint8Array(ink.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!across[y * width + x]) continue;
      for (let k = Math.max(0, y - r); k <= Math.min(height - 1, y + r); k++) out[k * width + x] = 1;
    }
  }
  return out;
}
