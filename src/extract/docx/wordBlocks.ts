import type { Region } from '../../document/letterDocument.js';
import type { CellInput, LineInput, PageBuilder } from '../layout/pageBuilder.js';

/**
 * A Word document's content as its own structure gives it (WordprocessingML for .docx, cell and
 * paragraph marks for a legacy .doc), before it is written onto a page: the two Word readers share
 * how tables are judged and how blocks reach the PageBuilder.
 */
export type WordBlock = WordParagraph | WordTable | WordPicture;

export interface WordParagraph {
  kind: 'paragraph';
  /** One line per line break (w:br) of the paragraph. */
  lines: LineInput[];
  /** A list item: its marker as Word shows it ("•", "2.", "b)") and its level, 0 at the top. */
  list: { marker: string; level: number } | null;
}

export interface WordCell {
  /** 0-based grid column where the cell starts. */
  column: number;
  colSpan: number;
  rowSpan: number;
  blocks: WordBlock[];
}

export interface WordTable {
  kind: 'table';
  /** Cells merged downwards appear once, in the row where they start, with their rowSpan. */
  rows: WordCell[][];
  headerRows: number;
}

export interface WordPicture {
  kind: 'picture';
  name: string | null;
}

// A label is one short line ("Start date", "Compensation (USD)").
const MAX_LABEL_CHARS = 40;
// A cell with more lines than this, or more characters, holds a block of text, not a field value.
const MAX_FIELD_LINES = 2;
const MAX_FIELD_CHARS = 400;

/**
 * Whether a Word table only lays the page out, so that its cells are read as ordinary blocks (row by
 * row, cell by cell) rather than as rows of data. Letters put a logo beside the address, the whole
 * letter in a frame, or two signature blocks side by side in tables; terms tables hold short label
 * and value cells. The rule, in order:
 * 1. a cell holds a nested table or a picture: layout (a letterhead with its logo; a letter whose
 *    terms table sits inside a frame table);
 * 2. no row has two cells with text: layout (a frame or a single column: nothing is paired);
 * 3. two rows or more, each row with two filled cells opening with a label (one line of at most
 *    40 characters): data, however long the values (a duties cell, an address on three lines);
 * 4. a cell with more than two lines outside list items, or more than 400 characters: layout
 *    (an address block beside a letter, the letter itself in a cell);
 * 5. otherwise: data.
 */
export function isLayoutTable(table: WordTable): boolean {
  const cells = table.rows.flat();
  if (cells.some((c) => c.blocks.some((b) => b.kind === 'table' || b.kind === 'picture'))) return true;
  const filledRows = table.rows.map((row) => row.filter((c) => cellText(c.blocks).length > 0)).filter((row) => row.length >= 2);
  if (filledRows.length === 0) return true;
  const labelled = filledRows.every((row) => {
    const lines = cellLines(row[0].blocks);
    return lines.length === 1 && (lines[0].text ?? '').trim().length <= MAX_LABEL_CHARS;
  });
  if (filledRows.length >= 2 && labelled) return false;
  return cells.some((c) => {
    const proseLines = c.blocks.filter((b): b is WordParagraph => b.kind === 'paragraph' && !b.list).flatMap((b) => b.lines.filter(hasText));
    return proseLines.length > MAX_FIELD_LINES || cellText(c.blocks).length > MAX_FIELD_CHARS;
  });
}

/**
 * Writes blocks onto the page in reading order; layout tables become the blocks they hold. In a
 * page header or footer every table is taken for layout: it arranges the letterhead (name, address,
 * telephone side by side), whose cells are not labels and values.
 */
export function writeWordBlocks(builder: PageBuilder, region: Region, blocks: readonly WordBlock[]): void {
  for (const block of blocks) {
    if (block.kind === 'picture') builder.picture(region, null, block.name);
    else if (block.kind === 'paragraph') {
      if (block.list) builder.item(region, block.list.marker, block.lines, block.list.level);
      else builder.paragraph(region, block.lines);
    } else if (region !== 'body' || isLayoutTable(block)) {
      for (const row of block.rows) for (const cell of row) writeWordBlocks(builder, region, cell.blocks);
    } else {
      const rows: CellInput[][] = block.rows.map((row) => row.map((cell) => ({ lines: cellLines(cell.blocks), column: cell.column, colSpan: cell.colSpan, rowSpan: cell.rowSpan })));
      builder.table(region, rows, { headerRows: block.headerRows, how: 'docx' });
    }
  }
}

/** Pictures among the blocks, in tables and text boxes too. */
export function countPictures(blocks: readonly WordBlock[]): number {
  let n = 0;
  for (const block of blocks) {
    if (block.kind === 'picture') n += 1;
    else if (block.kind === 'table') for (const row of block.rows) for (const cell of row) n += countPictures(cell.blocks);
  }
  return n;
}

/** A data cell's lines: its paragraphs' lines, a list item's marker kept before its text. */
export function cellLines(blocks: readonly WordBlock[]): LineInput[] {
  const out: LineInput[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      block.lines.forEach((line, i) => out.push(i === 0 && block.list?.marker ? { ...line, text: `${block.list.marker} ${line.text ?? ''}` } : line));
    } else if (block.kind === 'table') {
      for (const row of block.rows) out.push(...row.flatMap((cell) => cellLines(cell.blocks)));
    }
  }
  return out.filter(hasText);
}

function cellText(blocks: readonly WordBlock[]): string {
  return cellLines(blocks)
    .map((l) => (l.text ?? '').trim())
    .join(' ');
}

function hasText(line: LineInput): boolean {
  return (line.text ?? '').trim().length > 0;
}
