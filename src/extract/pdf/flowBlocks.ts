import { splitListMarker } from '../layout/listMarker.js';
import type { Segment } from './visualLines.js';

export type FlowBlock = { kind: 'paragraph'; lines: Segment[] } | { kind: 'item'; marker: string; level: number; lines: Segment[] };

// A paragraph ends where the next line is further down than this many font sizes, or than this
// much more than the paragraph's own line spacing (so double-spaced text still reads as paragraphs).
const PARAGRAPH_GAP = 1.5;
const PITCH_GROWTH = 1.22;
// A change of font size larger than this fraction starts a new block (a heading, a letterhead line);
// the caller may allow more where sizes are measured, not known (OCR: TypeSizes).
const SIZE_CHANGE = 0.12;
// Edges within this many font sizes (at least 2 pt) line up.
const ALIGN = 0.3;

/**
 * The lines of one column (top to bottom) as paragraphs and list items. A new block starts at a
 * vertical gap wider than the line spacing, at a change of font size, and where the lines stop
 * lining up (left edges, or centres, or right edges; a first line indented further than the rest
 * stays with them). A line that opens with a bullet or a number is a list item; the lines under
 * it, indented at least as far as its text, continue it.
 */
export function flowBlocks(lines: readonly Segment[], sizeChange = SIZE_CHANGE): FlowBlock[] {
  const blocks: FlowBlock[] = [];
  const markerColumns: number[] = [];
  const pitch = typicalPitch(lines, sizeChange);
  let current: { block: FlowBlock; pitch: number | null; textX: number; markerX: number } | null = null;
  for (const line of lines) {
    const listed = splitListMarker(line.words.map((w) => w.text).join(' '));
    if (current && !listed && continues(current, line, pitch, sizeChange)) {
      const previous = current.block.lines[current.block.lines.length - 1];
      current.pitch ??= line.baseline - previous.baseline;
      current.block.lines.push(line);
      continue;
    }
    if (listed) {
      const level = levelOf(markerColumns, line);
      const textX = line.words.find((w, k) => k > 0 && w.x0 > line.x0)?.x0 ?? line.x0;
      current = { block: { kind: 'item', marker: listed.marker, level, lines: [line] }, pitch: null, textX, markerX: line.x0 };
    } else {
      current = { block: { kind: 'paragraph', lines: [line] }, pitch: null, textX: line.x0, markerX: line.x0 };
    }
    blocks.push(current.block);
  }
  return blocks;
}

// The column's usual line spacing counts up to this many font sizes (one-and-a-half spacing and a little more).
const MAX_TYPICAL_PITCH = 1.6;

/**
 * The column's usual distance between baselines: the median of the steps between lines of one
 * size, at most MAX_TYPICAL_PITCH sizes. A paragraph's second line is measured against it, so
 * text set one-and-a-half spaced does not break after every first line (the step there is a
 * hair over 1.5 sizes in LaTeX's output); null with too few lines to tell.
 */
function typicalPitch(lines: readonly Segment[], sizeChange: number): number | null {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    const size = Math.max(a.size, b.size);
    const step = b.baseline - a.baseline;
    if (step > 0 && Math.abs(a.size - b.size) <= sizeChange * size && step <= MAX_TYPICAL_PITCH * size) steps.push(step / size);
  }
  if (steps.length < 3) return null;
  steps.sort((x, y) => x - y);
  return steps[Math.floor(steps.length / 2)];
}

function continues(current: { block: FlowBlock; pitch: number | null; textX: number; markerX: number }, line: Segment, typical: number | null, sizeChange: number): boolean {
  const { block } = current;
  const previous = block.lines[block.lines.length - 1];
  const size = Math.max(previous.size, line.size);
  const step = line.baseline - previous.baseline;
  if (step <= 0) return false;
  const usual = typical === null ? 0 : PITCH_GROWTH * typical * size;
  if (step > Math.max(PARAGRAPH_GAP * size, usual, current.pitch === null ? 0 : PITCH_GROWTH * current.pitch)) return false;
  if (Math.abs(line.size - previous.size) > sizeChange * size) return false;
  const tolerance = Math.max(2, ALIGN * size);
  if (block.kind === 'item') return line.x0 >= current.textX - tolerance && line.x0 > current.markerX + tolerance;
  if (Math.abs(line.x0 - previous.x0) <= tolerance) return true;
  // A first line indented further than the rest of its paragraph.
  if (block.lines.length === 1 && previous.x0 - line.x0 > tolerance && previous.x0 - line.x0 <= 4 * size) return true;
  // Centred or right-aligned lines (a letterhead, a date block).
  const centre = (s: Segment) => (s.x0 + s.x1) / 2;
  return Math.abs(centre(line) - centre(previous)) <= tolerance || Math.abs(line.x1 - previous.x1) <= tolerance;
}

/** 0 for the leftmost marker seen in this column, 1 for the next indentation, and so on. */
function levelOf(columns: number[], line: Segment): number {
  const near = line.size;
  if (!columns.some((x) => Math.abs(x - line.x0) <= near)) {
    columns.push(line.x0);
    columns.sort((a, b) => a - b);
  }
  return columns.findIndex((x) => Math.abs(x - line.x0) <= near);
}
