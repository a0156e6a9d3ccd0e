import { maxOf, median, minOf, type Segment, type VisualLine } from './visualLines.js';

/**
 * A stretch of the page read as one unit, top to bottom:
 * - flow: lines of a single column, read in order;
 * - table: rows of cells found from the geometry (a cell may hold several lines);
 * - columns: text set side by side (a letterhead beside an address block, a sidebar beside the
 *   body), read one column after the other.
 */
export type Zone =
  | { kind: 'flow'; lines: Segment[] }
  | { kind: 'table'; rows: Segment[][][] }
  | { kind: 'columns'; columns: Segment[][] };

interface Gutter {
  x0: number;
  x1: number;
}

// Lines belong to the same run of columns when the whitespace between them is at most this many
// font sizes: table rows and the lines of a column block; a letterhead set apart by a blank line is not.
const RUN_ADJACENT = 1.5;
// A gutter (the whitespace between two columns, common to every line of the run) is at least one font size wide.
const MIN_GUTTER = 1;
// More columns than this is no table or layout a letter has: the run ends (and the work stays linear).
const MAX_GUTTERS = 12;
// Cells of a table row sit on one baseline (to a point, or this fraction of the font size); lines
// of two independent columns line up only now and then.
const ROW_BASELINE = 0.12;
const EXACT_ROWS = 0.75;
// Text in one column of a table keeps its size (the first row may be a larger header); the caller
// may allow more where sizes are measured, not known (OCR: TypeSizes), and a few cells apart.
const COLUMN_SIZE_RATIO = 1.12;
const MEASURED_OUTLIERS = 0.2;
// A row that continues the previous one (a wrapped label) is closer to it than this, in font sizes,
// when the table's rows are set apart by more.
const WRAPPED_PITCH = 1.35;

/** The page's visual lines (top to bottom) as zones in reading order. */
export function pageZones(lines: readonly VisualLine[], columnSizeRatio = COLUMN_SIZE_RATIO, measuredSizes = false): Zone[] {
  const zones: Zone[] = [];
  let flow: VisualLine[] = [];
  const flush = () => {
    if (flow.length) zones.push({ kind: 'flow', lines: flow.map((l) => l.segments[0]) });
    flow = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.segments.length < 2) {
      flow.push(line);
      i += 1;
      continue;
    }
    // A run of columns opens here: the gutters between this line's segments, narrowed by every
    // line that joins (above it from the flow, below it from the page) without crossing them.
    let gutters: Gutter[] = gapsOf(line);
    const lead: VisualLine[] = [];
    for (let k = flow.length - 1; k >= 0; k--) {
      const free = adjacent(flow[k], lead[0] ?? line) ? narrowed(gutters, flow[k]) : null;
      if (!free || free.length > MAX_GUTTERS) break;
      gutters = free;
      lead.unshift(flow[k]);
    }
    const members = [line];
    let j = i + 1;
    for (; j < lines.length && adjacent(members[members.length - 1], lines[j]); j++) {
      const free = narrowed(gutters, lines[j]);
      if (!free || free.length > MAX_GUTTERS) break;
      gutters = free;
      members.push(lines[j]);
    }
    const table = tableOf(members, gutters, i - lead.length === 0, columnSizeRatio, measuredSizes);
    if (table) {
      // Lines above the first row that did not cross the gutters are the flow's, as they were.
      flush();
      zones.push({ kind: 'table', rows: table.rows });
      // Lines after the table's last row that were taken as candidates are read again as flow.
      i = i + table.used;
      continue;
    }
    flow = flow.slice(0, flow.length - lead.length);
    flush();
    const all = [...lead, ...members];
    const columns: Segment[][] = Array.from({ length: gutters.length + 1 }, () => []);
    for (const l of all) for (const s of l.segments) columns[columnOf(s, gutters)].push(s);
    zones.push({ kind: 'columns', columns: columns.filter((c) => c.length > 0).map((c) => c.sort((a, b) => a.top - b.top)) });
    i = j;
  }
  flush();
  return zones;
}

function gapsOf(line: VisualLine): Gutter[] {
  const out: Gutter[] = [];
  for (let k = 1; k < line.segments.length; k++) out.push({ x0: line.segments[k - 1].x1, x1: line.segments[k].x0 });
  return out;
}

function adjacent(above: VisualLine, below: VisualLine): boolean {
  return below.top - above.bottom <= RUN_ADJACENT * Math.max(above.size, below.size);
}

/** The gutters with this line's text taken out of them; null when the line crosses one (nothing wide enough is left). */
function narrowed(gutters: readonly Gutter[], line: VisualLine): Gutter[] | null {
  const out: Gutter[] = [];
  const min = MIN_GUTTER * line.size;
  for (const gutter of gutters) {
    let pieces: Gutter[] = [gutter];
    for (const s of line.segments) {
      pieces = pieces.flatMap((p) => (s.x1 <= p.x0 || s.x0 >= p.x1 ? [p] : [{ x0: p.x0, x1: s.x0 }, { x0: s.x1, x1: p.x1 }].filter((q) => q.x1 > q.x0)));
    }
    const wide = pieces.filter((p) => p.x1 - p.x0 >= min);
    if (wide.length === 0) return null;
    out.push(...wide);
  }
  return out;
}

function columnOf(segment: Segment, gutters: readonly Gutter[]): number {
  let column = 0;
  for (const g of gutters) if (g.x1 <= segment.x0 + 0.01) column += 1;
  return column;
}

/**
 * The run as a table, when its geometry says so; null when it is text set in columns. A table's
 * rows put their cells on one baseline, each column keeps one font size, and its first column
 * does not go on as a block of text under the last row, line after line at the rows' spacing (a
 * letterhead's address beside its date block, a sidebar beside the body, two signatures side by
 * side with more lines on the left). One such line is enough at the top of a page, where a
 * letterhead sits; elsewhere it takes two, as a key/value block is often followed by a short line.
 * `used` counts the run's lines the table takes, from its first; lines after them are the flow's.
 */
function tableOf(members: readonly VisualLine[], gutters: readonly Gutter[], atTop: boolean, columnSizeRatio: number, measuredSizes: boolean): { rows: Segment[][][]; used: number } | null {
  const columnSets = new Map(members.map((l) => [l, new Set(l.segments.map((s) => columnOf(s, gutters)))]));
  const columnsOf = (l: VisualLine) => columnSets.get(l)!;
  const twoSided = members.filter((l) => columnsOf(l).size >= 2);
  if (twoSided.length < 2) return null;
  let end = members.indexOf(twoSided[twoSided.length - 1]) + 1;
  // Lines after the last row continue its cells unless they start in the first column.
  while (end < members.length && !columnsOf(members[end]).has(0)) end += 1;
  const core = members.slice(0, end);

  const exact = twoSided.filter((l) => l.segments.every((s) => Math.abs(s.baseline - l.baseline) <= Math.max(1, ROW_BASELINE * l.size)));
  if (exact.length < EXACT_ROWS * twoSided.length) return null;

  const cellsByColumn = new Map<number, Segment[]>();
  for (const l of core.slice(1)) {
    for (const s of l.segments) {
      const column = columnOf(s, gutters);
      const cells = cellsByColumn.get(column);
      if (cells) cells.push(s);
      else cellsByColumn.set(column, [s]);
    }
  }
  for (const cells of cellsByColumn.values()) {
    const sizes = cells.map((s) => s.size);
    if (measuredSizes) {
      // Sizes OCR measured are off now and then ("$4,600/month" reads large for its "$" and "/"):
      // a column keeps its size when nearly all its cells agree with its median.
      const middle = median(sizes);
      const apart = sizes.filter((v) => v > columnSizeRatio * middle || v * columnSizeRatio < middle).length;
      if (apart > Math.floor(sizes.length * MEASURED_OUTLIERS)) return null;
    } else if (maxOf(sizes, (v) => v) > columnSizeRatio * minOf(sizes, (v) => v)) return null;
  }
  const headerDiffers = core[0].segments.some((s) => {
    const below = cellsByColumn.get(columnOf(s, gutters));
    return below !== undefined && Math.abs(s.size - median(below.map((b) => b.size))) > (columnSizeRatio - 1) * s.size;
  });
  if (headerDiffers && twoSided.length < 3) return null;

  const firstColumn = core.flatMap((l) => l.segments.filter((s) => columnOf(s, gutters) === 0));
  if (firstColumn.length === 0) return null;
  const pitches = twoSided.slice(1).map((l, k) => l.baseline - twoSided[k].baseline);
  const pitch = median(pitches);
  const left = minOf(firstColumn, (s) => s.x0);
  const size = median(firstColumn.map((s) => s.size));
  let last = firstColumn[firstColumn.length - 1];
  let continuing = 0;
  for (const line of members.slice(end)) {
    const only = line.segments.length === 1 ? line.segments[0] : null;
    if (!only || Math.abs(only.x0 - left) > 2 || Math.abs(only.size - size) > 0.08 * size || Math.abs(only.baseline - last.baseline - pitch) > 0.15 * pitch) break;
    continuing += 1;
    last = only;
  }
  if (continuing >= (atTop ? 1 : 2)) return null;

  // Prose set in two columns lines up like a table; its first column is wide and its lines fill it.
  const widest = maxOf(firstColumn, (s) => s.x1 - s.x0);
  if (twoSided.length >= 4 && widest > 15 * size && firstColumn.filter((s) => s.x1 - s.x0 >= 0.85 * widest).length >= 0.7 * firstColumn.length) return null;

  // Rows: a line with text in the first column opens one, unless the table's rows are set apart
  // and this line sits as close under the last as the lines of a wrapped cell.
  const spaced = pitches.some((p) => p > WRAPPED_PITCH * size);
  const rows: Segment[][][] = [];
  let previous: VisualLine | null = null;
  for (const l of core) {
    const opens = previous === null || (columnsOf(l).has(0) && !(spaced && l.baseline - previous.baseline <= WRAPPED_PITCH * l.size));
    if (opens) rows.push(Array.from({ length: gutters.length + 1 }, () => []));
    const row = rows[rows.length - 1];
    for (const s of l.segments) row[columnOf(s, gutters)].push(s);
    previous = l;
  }
  // A column only lines outside the table had (a gutter split by a line that was not taken) is dropped.
  const filled = rows[0].map((_, c) => rows.some((r) => r[c].length > 0));
  return { rows: rows.map((r) => r.filter((_, c) => filled[c])), used: end };
}
