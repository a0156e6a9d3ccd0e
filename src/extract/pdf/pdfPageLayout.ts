import { flowBlocks } from './flowBlocks.js';
import type { UserRect } from './imagePlacements.js';
import { pageZones } from './pageZones.js';
import { textRunsOf, type PdfTextContent, type PdfViewport, type TextRun } from './textRuns.js';
import { maxOf, minOf, visualLines, type Segment } from './visualLines.js';

/** A rectangle in points, from the page's top left corner. */
export interface Rect {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export type LayoutBlock =
  | { kind: 'paragraph'; lines: Segment[] }
  | { kind: 'item'; marker: string; level: number; lines: Segment[] }
  | { kind: 'table'; rows: Segment[][][] }
  | { kind: 'picture'; rect: Rect };

/** One PDF page laid out: its blocks in reading order, in points; plain data. */
export interface PdfPageLayout {
  width: number;
  height: number;
  blocks: LayoutBlock[];
}

/**
 * A page's text items (pdf.js getTextContent) and pictures as blocks in reading order: lines from
 * baselines, segments from wide gaps, tables and side-by-side columns from segments that line up
 * (pageZones), paragraphs and list items within each column (flowBlocks). Pictures take their
 * place by their top edge.
 */
export function layoutPdfPage(content: PdfTextContent, viewport: PdfViewport, pictures: readonly Rect[] = []): PdfPageLayout {
  return layoutRuns(textRunsOf(content, viewport), viewport, pictures);
}

/**
 * How far apart two type sizes may be and still be one size: a PDF states its sizes, so they are
 * compared as given (flowBlocks' and pageZones' defaults); OCR measures them from the height of
 * the words it read, to about a tenth either way.
 */
export interface TypeSizes {
  /** A block goes on across a change of size up to this fraction. */
  sameBlock: number;
  /** The cells of a table's column keep one size to this ratio. */
  sameColumn: number;
}

export const MEASURED_TYPE_SIZES: TypeSizes = { sameBlock: 0.2, sameColumn: 1.25 };

/**
 * Runs of text placed on a page (a PDF's text items, or the words OCR read with their boxes) as
 * blocks in reading order, as layoutPdfPage describes; `size` is the page's, in points.
 */
export function layoutRuns(runs: readonly TextRun[], size: { width: number; height: number }, pictures: readonly Rect[] = [], sizes?: TypeSizes): PdfPageLayout {
  const blocks: LayoutBlock[] = [];
  for (const zone of pageZones(visualLines(runs), sizes?.sameColumn, sizes !== undefined)) {
    if (zone.kind === 'flow') blocks.push(...flowBlocks(zone.lines, sizes?.sameBlock));
    else if (zone.kind === 'columns') for (const column of zone.columns) blocks.push(...flowBlocks(column, sizes?.sameBlock));
    else blocks.push({ kind: 'table', rows: zone.rows });
  }
  if (pictures.length === 0) return { width: size.width, height: size.height, blocks };
  // Each picture goes before the first block (in reading order) that starts below its top edge.
  const tops = blocks.map((b) => rectOf(b).top);
  const placed: LayoutBlock[] = [];
  const waiting = [...pictures].sort((a, b) => a.top - b.top);
  blocks.forEach((block, i) => {
    while (waiting.length && tops[i] >= waiting[0].top) placed.push({ kind: 'picture', rect: waiting.shift()! });
    placed.push(block);
  });
  for (const rect of waiting) placed.push({ kind: 'picture', rect });
  return { width: size.width, height: size.height, blocks: placed };
}

// A picture narrower or lower than this (points) is a rule or a spacer, not something to show.
const MIN_PICTURE_SIDE = 2;

/** Rectangles in PDF user space as rectangles on the page as it is shown (the viewport), clipped to it. */
export function viewportRects(rects: readonly UserRect[], viewport: PdfViewport): Rect[] {
  const [a, b, c, d, e, f] = viewport.transform;
  const out: Rect[] = [];
  for (const r of rects) {
    const corners = [
      [r.x0, r.y0],
      [r.x1, r.y0],
      [r.x0, r.y1],
      [r.x1, r.y1],
    ].map(([x, y]) => [a * x + c * y + e, b * x + d * y + f]);
    const xs = corners.map((p) => Math.min(viewport.width, Math.max(0, p[0])));
    const ys = corners.map((p) => Math.min(viewport.height, Math.max(0, p[1])));
    const rect = { x0: Math.min(...xs), top: Math.min(...ys), x1: Math.max(...xs), bottom: Math.max(...ys) };
    if (rect.x1 - rect.x0 >= MIN_PICTURE_SIDE && rect.bottom - rect.top >= MIN_PICTURE_SIDE) out.push(rect);
  }
  return out;
}

/** The lines of a block: a paragraph's or item's, a table's cell by cell. */
export function linesOf(block: LayoutBlock): Segment[] {
  if (block.kind === 'picture') return [];
  if (block.kind === 'table') return block.rows.flatMap((r) => r.flat());
  return block.lines;
}

export function rectOf(block: LayoutBlock): Rect {
  if (block.kind === 'picture') return block.rect;
  const lines = linesOf(block);
  return {
    x0: minOf(lines, (l) => l.x0),
    top: minOf(lines, (l) => l.top),
    x1: maxOf(lines, (l) => l.x1),
    bottom: maxOf(lines, (l) => l.bottom),
  };
}
