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
  /** A straight horizontal line (found as such even where it touches the text over it); absent for a blob. */
  rule?: true;
}

// A rule runs at least this share of the page's width without a break of more than a pixel
// (a line to sign on is a quarter to a half of it; no text runs unbroken so far)...
const RULE_MIN_SHARE = 0.12;
// ...and is at most this many pixels of the reduced copy thick.
const RULE_MAX_ROWS = 4;

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
  const toPage = (m: { left: number; top: number; width: number; height: number }) => ({
    left: Math.round(m.left / scale),
    top: Math.round(m.top / scale),
    width: Math.round(m.width / scale),
    height: Math.round(m.height / scale),
  });
  const blobs = marks
    .filter((m) => !m.edge && m.pixels >= MIN_PIXELS && m.width <= width / 2 && m.height <= height / 2)
    .sort((a, b) => b.pixels - a.pixels)
    .slice(0, MAX_MARKS)
    .map((m) => ({ ...toPage(m), fill: Math.round(m.fill * 100) / 100 }));
  return [...blobs, ...horizontalRules(ink, width, height).map((r) => ({ ...toPage(r), fill: 1, rule: true as const }))];
}

/**
 * Straight horizontal lines: runs of ink along a row, unbroken but for single pixels, at least
 * RULE_MIN_SHARE of the page long, on at most RULE_MAX_ROWS rows together. Found apart from the
 * blobs, as a line to sign on often touches the descenders of the text over it and joins its blob.
 */
function horizontalRules(ink: Uint8Array, width: number, height: number): { left: number; top: number; width: number; height: number }[] {
  const minRun = Math.max(8, Math.round(width * RULE_MIN_SHARE));
  const open: { left: number; right: number; top: number; bottom: number }[] = [];
  const closed: typeof open = [];
  for (let y = 0; y < height; y++) {
    const runs: [number, number][] = [];
    let start = -1;
    let last = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && ink[y * width + x] === 1;
      if (dark) {
        if (start < 0) start = x;
        last = x;
      } else if (start >= 0 && (x >= width || x - last > 1)) {
        if (last - start + 1 >= minRun && start > 0 && last < width - 1) runs.push([start, last]);
        start = -1;
      }
    }
    // A run continues a rule open on the row above when most of it lies under that rule.
    for (let k = open.length - 1; k >= 0; k--) {
      const rule = open[k];
      const i = runs.findIndex(([a, b]) => Math.min(b, rule.right) - Math.max(a, rule.left) >= 0.5 * (b - a));
      if (i >= 0) {
        const [a, b] = runs.splice(i, 1)[0];
        rule.left = Math.min(rule.left, a);
        rule.right = Math.max(rule.right, b);
        rule.bottom = y;
      } else {
        closed.push(rule);
        open.splice(k, 1);
      }
    }
    for (const [a, b] of runs) open.push({ left: a, right: b, top: y, bottom: y });
  }
  return [...closed, ...open]
    .filter((r) => r.bottom - r.top + 1 <= RULE_MAX_ROWS && r.right - r.left + 1 <= width / 2)
    .map((r) => ({ left: r.left, top: r.top, width: r.right - r.left + 1, height: r.bottom - r.top + 1 }));
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
