import type { Block, Box, LetterPage, Line, ListItem, Region, Span, Table, TableCell } from '../../document/letterDocument.js';
import { unionBoxes } from '../../extract/layout/pageBuilder.js';
import type { Letter } from '../letter.js';
import { perLetter } from '../shared/perLetter.js';
import { closingLineIndex } from './letterParts.js';
import { splitListMarker } from '../../extract/layout/listMarker.js';
import { sentencesOf } from './sentences.js';

/** A line of the letter as detectors read it: its text, where it is, and what holds it. */
export interface ViewLine {
  page: number;
  /** 0-based order of the line on its page. */
  index: number;
  span: Span;
  /** The line's text: `page.text.slice(span.start, span.end)`, whitespace already single spaces. */
  text: string;
  /** The block's region, with `closing` for body lines from the complimentary close on. */
  region: Region;
  box: Box | null;
  fontSize: number | null;
  bold: boolean | null;
  confidence: number | null;
  block: Block;
  /** For a line in a table cell: the table, and the cell's row and column. */
  cell: { table: Table; row: number; column: number } | null;
  /** For a line of a list item: the item. */
  item: ListItem | null;
  /** The reader's line, with its words where the source has them. */
  source: Line;
}

/** A stretch of text with its place: a paragraph, a list item, a table cell, a sentence. */
export interface ViewText {
  span: Span;
  /** The text with line breaks and cell tabs read as spaces: same length, same offsets as the span. */
  text: string;
  region: Region;
}

/** A label and its value, however the letter pairs them. */
export interface LabelledPair {
  label: ViewText;
  value: ViewText;
  /**
   * table-row: a label cell and the value cell beside it; table-column: a header cell and the
   * cell under it; colon: "Label: value" on one line; stacked: "Label:" alone, its value on the next line.
   */
  how: 'table-row' | 'table-column' | 'colon' | 'stacked';
}

/** A picture with its place: its box where the source has geometry, and its position in the reading order. */
export interface ViewPicture {
  page: number;
  /** Empty: where the picture sits in the page's reading order. */
  span: Span;
  box: Box | null;
  region: Region;
  name: string | null;
  /** Whether it comes before all of its page's text: a picture above all text is a letterhead's logo. */
  beforeText: boolean;
}

export interface Quote {
  page: number;
  quote: string;
  box: Box | null;
}

export interface LayoutView {
  /** Every line in reading order, optionally of one page or some regions. */
  lines(filter?: { page?: number; region?: Region | readonly Region[] }): readonly ViewLine[];
  /** Paragraphs, list items and table cells: the units sentences never cross. */
  passages(): readonly ViewText[];
  /** Sentences, with lines that wrap a sentence joined and lines that stand alone (headings, address lines) kept apart. */
  sentences(): readonly ViewText[];
  /** The sentence holding a page offset (the whole line, for an offset between sentences). */
  sentenceAt(page: number, offset: number): ViewText | undefined;
  /** Every label/value pair the letter's structure shows, in reading order. */
  labelled(): readonly LabelledPair[];
  pictures(filter?: { page?: number; region?: Region | readonly Region[] }): readonly ViewPicture[];
  /** The letter's own words at a span (line breaks and cell tabs as spaces), with its box on the page where the source has geometry. */
  quote(span: Span): Quote;
  /** The text at a span, line breaks read as spaces. */
  textAt(span: Span): string;
  /** The line holding a page offset. */
  lineAt(page: number, offset: number): ViewLine | undefined;
}

/** The layout view of a letter, computed once and shared by every detector. */
export const layoutOf = perLetter(function layoutOf(letter: Letter): LayoutView {
  const pages = new Map(letter.pages.map((p) => [p.number, p]));
  const lines = buildLines(letter.pages);
  const passages = buildPassages(letter.pages, lines);
  const sentences = buildSentences(letter.pages, lines);
  const pictures: ViewPicture[] = letter.pages.flatMap((p) => {
    const firstText = p.blocks.findIndex((b) => b.kind !== 'picture');
    return p.blocks.flatMap((b, i) =>
      b.kind === 'picture' ? [{ page: p.number, span: b.span, box: b.box, region: b.region, name: b.name, beforeText: firstText < 0 || i < firstText }] : [],
    );
  });
  let labelled: LabelledPair[] | null = null;

  const inRegion = (region: Region, filter?: Region | readonly Region[]) =>
    filter === undefined || (typeof filter === 'string' ? region === filter : filter.includes(region));
  const textAt = (span: Span) => (pages.get(span.page)?.text.slice(span.start, span.end) ?? '').replace(/[\n\t]/g, ' ');
  const linesByPage = new Map<number, ViewLine[]>();
  for (const line of lines) {
    const list = linesByPage.get(line.page) ?? [];
    list.push(line);
    linesByPage.set(line.page, list);
  }

  return {
    lines(filter) {
      const base = filter?.page !== undefined ? (linesByPage.get(filter.page) ?? []) : lines;
      return filter?.region === undefined ? base : base.filter((l) => inRegion(l.region, filter.region));
    },
    passages: () => passages,
    sentences: () => sentences,
    sentenceAt(page, offset) {
      return sentences.find((t) => t.span.page === page && t.span.start <= offset && offset <= t.span.end);
    },
    labelled() {
      labelled ??= buildPairs(letter.pages, lines, textAt);
      return labelled;
    },
    pictures(filter) {
      return pictures.filter((p) => (filter?.page === undefined || p.page === filter.page) && inRegion(p.region, filter?.region));
    },
    quote(span) {
      // The words at the span, with the layout's line breaks and cell tabs read as spaces.
      return { page: span.page, quote: textAt(span).trim(), box: boxOf(span, linesByPage.get(span.page) ?? []) };
    },
    textAt,
    lineAt(page, offset) {
      const list = linesByPage.get(page) ?? [];
      return list.find((l) => l.span.start <= offset && offset <= l.span.end);
    },
  };
});

function buildLines(pages: readonly LetterPage[]): ViewLine[] {
  const out: ViewLine[] = [];
  for (const page of pages) {
    const first = out.length;
    for (const block of page.blocks) {
      const push = (line: Line, cell: ViewLine['cell'], item: ListItem | null) =>
        out.push({
          page: page.number,
          index: out.length - first,
          span: line.span,
          text: page.text.slice(line.span.start, line.span.end),
          region: block.region,
          box: line.box,
          fontSize: line.fontSize,
          bold: line.bold,
          confidence: line.confidence,
          block,
          cell,
          item,
          source: line,
        });
      if (block.kind === 'paragraph') for (const line of block.lines) push(line, null, null);
      else if (block.kind === 'item') for (const line of block.lines) push(line, null, block);
      else if (block.kind === 'table')
        block.rows.forEach((row, r) => row.cells.forEach((cell) => cell.lines.forEach((line) => push(line, { table: block, row: r, column: cell.column }, null))));
    }
    markClosing(out.slice(first));
  }
  return out;
}

/** Body lines from the complimentary close on belong to the closing: the signature block and what follows. */
function markClosing(pageLines: ViewLine[]): void {
  const at = closingLineIndex(pageLines.map((l) => l.text));
  if (at < 0) return;
  for (let i = at; i < pageLines.length; i++) if (pageLines[i].region === 'body') pageLines[i].region = 'closing';
}

function buildPassages(pages: readonly LetterPage[], lines: readonly ViewLine[]): ViewText[] {
  const out: ViewText[] = [];
  // A passage's region is its first line's (a paragraph after the complimentary close is in the closing).
  const regionOf = new Map(lines.map((l) => [`${l.page}:${l.span.start}`, l.region]));
  for (const page of pages) {
    const text = (span: Span) => page.text.slice(span.start, span.end).replace(/[\n\t]/g, ' ');
    const push = (span: Span, first: Line | undefined, region: Region) => {
      if (first) out.push({ span, text: text(span), region: regionOf.get(`${page.number}:${first.span.start}`) ?? region });
    };
    for (const block of page.blocks) {
      if (block.kind === 'paragraph') push(block.span, block.lines[0], block.region);
      else if (block.kind === 'item') push({ ...block.span, start: block.lines[0]?.span.start ?? block.span.start }, block.lines[0], block.region);
      else if (block.kind === 'table') for (const row of block.rows) for (const cell of row.cells) push(cell.span, cell.lines[0], block.region);
    }
  }
  return out;
}

/**
 * Sentences in reading order. Within a paragraph (or a list item, or a table cell), a line goes on
 * the sentence before it when that one has not ended and the line continues it: it starts in lower
 * case or with a digit, or the sentence so far is long enough to have wrapped. A short line that
 * does not end in a full stop (a heading, an address line, "Dear Ana,") stands alone, and so does a
 * line ending in a colon (a label).
 */
function buildSentences(pages: readonly LetterPage[], lines: readonly ViewLine[]): ViewText[] {
  const out: ViewText[] = [];
  const texts = new Map(pages.map((p) => [p.number, p.text]));
  let chunk: ViewLine[] = [];
  const flush = () => {
    if (chunk.length === 0) return;
    const first = chunk[0];
    const last = chunk[chunk.length - 1];
    const start = first.span.start;
    const text = (texts.get(first.page) ?? '').slice(start, last.span.end).replace(/[\n\t]/g, ' ');
    const region = first.region;
    for (const s of sentencesOf(text)) {
      out.push({ span: { page: first.page, start: start + s.index, end: start + s.index + s.text.length }, text: s.text, region });
    }
    chunk = [];
  };
  let previous: ViewLine | null = null;
  for (const line of lines) {
    const sameContainer = previous !== null && previous.page === line.page && previous.block === line.block && previous.cell?.row === line.cell?.row && previous.cell?.column === line.cell?.column;
    if (!sameContainer) flush();
    previous = line;
    const soFar = chunk.length ? (texts.get(line.page) ?? '').slice(chunk[0].span.start, chunk[chunk.length - 1].span.end) : '';
    if (/:$/.test(line.text) || (!line.item && splitListMarker(line.text))) {
      flush();
      chunk = [line];
      flush();
      continue;
    }
    const continues = soFar !== '' && !/[.!?:]$/.test(soFar) && (/^[\p{Ll}\p{N}(&$]/u.test(line.text) || soFar.length > 50);
    if (!continues) flush();
    chunk.push(line);
  }
  flush();
  return out;
}

// A label is short and names something: a few words, no sentence, not a bare number or date.
const MAX_LABEL_CHARS = 40;
const MAX_LABEL_WORDS = 6;

function looksLikeLabel(text: string): boolean {
  const t = text.trim().replace(/:$/, '').trim();
  if (!t || t.length > MAX_LABEL_CHARS || t.split(/\s+/).length > MAX_LABEL_WORDS) return false;
  if (/[.!?\d]$/.test(t) || !/\p{L}/u.test(t)) return false;
  // Mostly letters: "Start date", "Compensation (USD)", not "$25.00" or "06/01/2027".
  const letters = t.replace(/[^\p{L}]/gu, '').length;
  return letters >= t.replace(/\s/g, '').length * 0.6;
}

function buildPairs(pages: readonly LetterPage[], lines: readonly ViewLine[], textAt: (span: Span) => string): LabelledPair[] {
  const out: LabelledPair[] = [];
  const viewText = (span: Span, region: Region): ViewText => ({ span, text: textAt(span), region });
  for (const page of pages) {
    for (const block of page.blocks) if (block.kind === 'table') out.push(...tablePairs(block, viewText));
  }
  // "Label: value" lines, and "Label:" lines whose value is the next line of the same block.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.cell && line.cell.column === 0 && line.block.kind === 'table' && isPairedCell(line)) continue;
    // The first colon, unless it sits between digits (a clock time, a ratio).
    const m = /^([^:]{1,40}?)\s*:(?!\d)\s*(.*)$/.exec(line.text);
    if (!m || !looksLikeLabel(m[1]) || /^(?:https?|mailto)$/i.test(m[1])) continue;
    const labelSpan = { page: line.page, start: line.span.start, end: line.span.start + m[1].length };
    if (m[2]) {
      const start = line.span.end - m[2].length;
      out.push({ label: viewText(labelSpan, line.region), value: viewText({ page: line.page, start, end: line.span.end }, line.region), how: 'colon' });
      continue;
    }
    const next = lines[i + 1];
    if (next && next.page === line.page && next.block === line.block && !/:\s*\S?/.test(next.text.slice(0, 42)) && !(next.cell && next.cell !== line.cell && next.cell.row !== line.cell?.row)) {
      out.push({ label: viewText(labelSpan, line.region), value: viewText(next.span, next.region), how: 'stacked' });
    }
  }
  return out.sort((a, b) => a.label.span.page - b.label.span.page || a.label.span.start - b.label.span.start);
}

/** A first-column cell that tablePairs already paired with its neighbour. */
function isPairedCell(line: ViewLine): boolean {
  const row = line.cell!.table.rows[line.cell!.row];
  return row.cells.length >= 2 && looksLikeLabel(line.text);
}

/**
 * Pairs in a table. Rows of label/value cells ("Start date | June 1, 2027", also two pairs on one row:
 * "Start | June 1 | End | Aug 20"); or a header row over the values ("Start date | End date" over
 * "June 1 | Aug 20"), when the first row is all labels and the cells under it are not.
 */
function tablePairs(table: Table, viewText: (span: Span, region: Region) => ViewText): LabelledPair[] {
  const out: LabelledPair[] = [];
  const filled = (cells: TableCell[]) => cells.filter((c) => c.lines.length > 0);
  const cellText = (c: TableCell) => viewText(c.span, table.region).text;
  const headerRow = table.rows[0];
  const headerLabels = headerRow && filled(headerRow.cells).length >= 2 && filled(headerRow.cells).every((c) => looksLikeLabel(cellText(c)));
  const below = table.rows.slice(1);
  const columnHeaded =
    headerLabels && below.length > 0 && (table.headerRows > 0 || below.some((r) => filled(r.cells).some((c) => !looksLikeLabel(cellText(c)))));
  // A header row of labels can also be the first row of label/value pairs ("Employee | Jane Doe |
  // Department | Research"): then every row alternates label and value, so the first column is
  // labels all the way down, which a header's column of values never is.
  // A row of one cell (a label wrapped onto a row of its own, a section heading) says neither.
  const alternates = (r: (typeof table.rows)[number]) => {
    const cells = filled(r.cells);
    return cells.length < 2 || cells.every((c, i) => i % 2 === 1 || i === cells.length - 1 || looksLikeLabel(cellText(c)));
  };
  const pairedRows = table.rows.filter((r) => filled(r.cells).length >= 2).length;
  const rowLabelled = !columnHeaded || (pairedRows >= 2 && table.rows.every(alternates));
  if (rowLabelled) {
    for (const row of table.rows) {
      const cells = filled(row.cells);
      for (let i = 0; i + 1 < cells.length; i += 2) {
        if (!looksLikeLabel(cellText(cells[i]))) break;
        out.push({ label: viewText(cells[i].span, table.region), value: viewText(cells[i + 1].span, table.region), how: 'table-row' });
      }
    }
    if (out.length > 0) return out;
  }
  if (columnHeaded) {
    for (const row of below) {
      for (const cell of filled(row.cells)) {
        const head = headerRow.cells.find((h) => h.column <= cell.column && cell.column < h.column + h.colSpan && h.lines.length > 0);
        if (head) out.push({ label: viewText(head.span, table.region), value: viewText(cell.span, table.region), how: 'table-column' });
      }
    }
  }
  return out;
}

/** The box of a span: its words' boxes where the lines have words, else the boxes of the lines it touches. */
function boxOf(span: Span, pageLines: readonly ViewLine[]): Box | null {
  const boxes: (Box | null)[] = [];
  for (const line of pageLines) {
    if (line.span.end <= span.start || line.span.start >= span.end) continue;
    const words = line.source.words;
    if (words) {
      for (const w of words) if (w.span.end > span.start && w.span.start < span.end) boxes.push(w.box);
    } else boxes.push(line.box);
  }
  return unionBoxes(boxes);
}
