import type { Block, Box, DocumentPart, Line, LetterPage, Region, Span, Table, TableCell, TableRow, Word } from '../../document/letterDocument.js';

/** A word as a reader has it: its text and, where the source has them, its box and confidence. */
export interface WordInput {
  text: string;
  box?: Box | null;
  confidence?: number | null;
}

/** A line as a reader has it. With `words`, the line's text is the words joined by single spaces. */
export interface LineInput {
  text?: string;
  words?: WordInput[];
  box?: Box | null;
  fontSize?: number | null;
  bold?: boolean | null;
  confidence?: number | null;
}

export interface CellInput {
  lines: LineInput[];
  box?: Box | null;
  colSpan?: number;
  rowSpan?: number;
  /** 0-based column; by default the one after the previous cell of the row. */
  column?: number;
}

export interface PageInput {
  number: number;
  part?: DocumentPart;
  source?: 'text' | 'ocr';
  size?: { width: number; height: number } | null;
  ocrConfidence?: number | null;
  imageCount?: number;
}

/** Whitespace inside a line is one space: line text, paragraph text and quotes then agree offset for offset. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Builds one page of the structured document, block by block in reading order, and lays out its
 * text so that every span points at the right characters. The one place that decides how a page's
 * text is written, for every reader:
 * - blocks are separated by a blank line; the lines of a block by "\n";
 * - a line's whitespace is collapsed to single spaces, so a paragraph read with its line breaks as
 *   spaces has the same offsets as the page text (detectors match sentences across wrapped lines
 *   and still know where each match is);
 * - a table row is a line of cells separated by "\t"; a cell of several lines continues on the
 *   next text lines (the table's structure, not its text, says which cell a line belongs to);
 * - a list item is written with its marker ("• Build dashboards"); its lines exclude the marker.
 */
export class PageBuilder {
  private text = '';
  private readonly blocks: Block[] = [];

  constructor(private readonly page: PageInput) {}

  get pageNumber(): number {
    return this.page.number;
  }

  paragraph(region: Region, lines: LineInput[], box: Box | null = null): void {
    const start = this.openBlock();
    const built = this.writeLines(lines, '\n');
    if (built.length === 0) return this.closeEmpty(start);
    this.blocks.push({ kind: 'paragraph', region, span: this.span(start, this.text.length), box: box ?? unionBoxes(built.map((l) => l.box)), lines: built });
  }

  item(region: Region, marker: string, lines: LineInput[], level = 0, box: Box | null = null): void {
    const start = this.openBlock();
    const mark = tidy(marker);
    if (mark) this.text += `${mark} `;
    const built = this.writeLines(lines, '\n');
    if (built.length === 0) return this.closeEmpty(start);
    this.blocks.push({ kind: 'item', region, marker: mark, level, span: this.span(start, this.text.length), box: box ?? unionBoxes(built.map((l) => l.box)), lines: built });
  }

  table(region: Region, rows: CellInput[][], options: { headerRows?: number; how: Table['how']; box?: Box | null }): void {
    const start = this.openBlock();
    const built: TableRow[] = [];
    for (const row of rows) {
      const rowStart = this.text.length;
      if (built.length > 0) this.text += '\n';
      const cells: TableCell[] = [];
      let column = 0;
      row.forEach((cell, i) => {
        if (i > 0) this.text += '\t';
        const cellStart = this.text.length;
        const lines = this.writeLines(cell.lines, '\n');
        const at = cell.column ?? column;
        const colSpan = Math.max(1, cell.colSpan ?? 1);
        cells.push({
          span: this.span(cellStart, this.text.length),
          box: cell.box ?? unionBoxes(lines.map((l) => l.box)),
          column: at,
          colSpan,
          rowSpan: Math.max(1, cell.rowSpan ?? 1),
          lines,
        });
        column = at + colSpan;
      });
      // Empty cells keep their place (columns line up); a row with no text at all is dropped.
      if (cells.some((c) => c.lines.length > 0)) built.push({ cells });
      else this.text = this.text.slice(0, rowStart);
    }
    if (built.length === 0) return this.closeEmpty(start);
    const headerRows = Math.min(options.headerRows ?? 0, built.length);
    this.blocks.push({
      kind: 'table',
      region,
      rows: built,
      headerRows,
      how: options.how,
      span: this.span(start, this.text.length),
      box: options.box ?? unionBoxes(built.flatMap((r) => r.cells.map((c) => c.box))),
    });
  }

  /** A picture holds no text: its span is empty, at the place in the reading order where it sits. */
  picture(region: Region, box: Box | null = null, name: string | null = null): void {
    const at = this.text.length;
    this.blocks.push({ kind: 'picture', region, span: this.span(at, at), box, name });
  }

  build(): LetterPage {
    return {
      number: this.page.number,
      part: this.page.part ?? { kind: 'body', fileName: null },
      source: this.page.source ?? 'text',
      text: this.text,
      blocks: this.blocks,
      size: this.page.size ?? null,
      ocrConfidence: this.page.ocrConfidence ?? null,
      imageCount: this.page.imageCount ?? 0,
    };
  }

  private openBlock(): number {
    if (this.text.length > 0) this.text += '\n\n';
    return this.text.length;
  }

  private closeEmpty(start: number): void {
    this.text = this.text.slice(0, start).replace(/\n\n$/, '');
  }

  private span(start: number, end: number): Span {
    return { page: this.page.number, start, end };
  }

  /** Appends the non-empty lines, separated by `joiner`, and returns them with their spans. */
  private writeLines(lines: LineInput[], joiner: string): Line[] {
    const out: Line[] = [];
    for (const input of lines) {
      const words = input.words?.map((w) => ({ ...w, text: tidy(w.text) })).filter((w) => w.text) ?? null;
      const text = words ? words.map((w) => w.text).join(' ') : tidy(input.text ?? '');
      if (!text) continue;
      if (out.length > 0) this.text += joiner;
      const start = this.text.length;
      let built: Word[] | null = null;
      if (words) {
        built = [];
        let at = start;
        for (const word of words) {
          built.push({ span: this.span(at, at + word.text.length), box: word.box ?? null, confidence: word.confidence ?? null });
          at += word.text.length + 1;
        }
      }
      this.text += text;
      out.push({
        span: this.span(start, this.text.length),
        box: input.box ?? unionBoxes(built?.map((w) => w.box) ?? []),
        fontSize: input.fontSize ?? null,
        bold: input.bold ?? null,
        confidence: input.confidence ?? meanConfidence(built),
        words: built,
      });
    }
    return out;
  }
}

/** The smallest box holding every box given; null when none is known. */
export function unionBoxes(boxes: (Box | null | undefined)[]): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    if (!b) continue;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  if (x0 === Infinity) return null;
  // Boxes are fractions of the page kept to four places; subtraction must not add float noise.
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
}

function meanConfidence(words: Word[] | null): number | null {
  const scored = words?.filter((w) => w.confidence !== null) ?? [];
  if (scored.length === 0) return null;
  return Math.round((scored.reduce((s, w) => s + (w.confidence as number), 0) / scored.length) * 1000) / 1000;
}
