import { splitListMarker } from '../layout/listMarker.js';
import type { WordBlock, WordCell } from '../docx/wordBlocks.js';

/**
 * The blocks of a story (body, headers, footers, text boxes) of a Word 97-2003 .doc as
 * word-extractor gives its text: each paragraph mark and line break is "\n"; in a table each cell
 * ends with a cell mark, given as "\t", and each row with a row mark, given as "\n", so a row reads
 * "Start date\tJune 1, 2027\t\n". From that:
 * - a row is the line before a "\t\n"; its cells are split at the cell marks (a tab typed in
 *   the paragraph before a table is not one of them);
 * - a row right after another row continues the table, and the lines between them belong to it
 *   (cells of several paragraphs) when the row then has as many cells as the one before;
 *   otherwise they stand as paragraphs between two tables;
 * - rows without two cells of text anywhere are not a table (a line ending in a tab is not one),
 *   and go back to being paragraphs;
 * - other lines are paragraphs, a typed "•" or "1." making them list items. A real tab inside a
 *   table cell reads as a cell mark: the text alone cannot tell them apart.
 * Bold and size are not in the text: null.
 */
export function docTextBlocks(story: string): WordBlock[] {
  const text = story.replace(/\r\n?/g, '\n');
  const out: WordBlock[] = [];
  let rows: string[][] = [];
  let cursor = 0;
  const flushTable = () => {
    if (rows.some((cells) => cells.filter((c) => c.trim()).length >= 2)) out.push(tableOf(rows));
    else for (const cells of rows) out.push(...paragraphsOf(cells.join(' ')));
    rows = [];
  };
  for (let end = text.indexOf('\t\n', cursor); end >= 0; end = text.indexOf('\t\n', cursor)) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    let rowStart = Math.max(cursor, lineStart);
    if (rows.length > 0 && rowStart > cursor && text.slice(cursor, end).split('\t').length === rows[rows.length - 1].length) rowStart = cursor;
    if (rowStart > cursor) {
      flushTable();
      out.push(...paragraphsOf(text.slice(cursor, rowStart)));
    }
    rows.push(text.slice(rowStart, end).split('\t'));
    cursor = end + 2;
  }
  flushTable();
  out.push(...paragraphsOf(text.slice(cursor)));
  return out;
}

function paragraphsOf(text: string): WordBlock[] {
  const out: WordBlock[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const typed = splitListMarker(line);
    out.push(typed ? { kind: 'paragraph', lines: [{ text: typed.text }], list: { marker: typed.marker, level: 0 } } : { kind: 'paragraph', lines: [{ text: line }], list: null });
  }
  return out;
}

function tableOf(rows: string[][]): WordBlock {
  const cells = rows.map((row) => row.map((cell, column): WordCell => ({ column, colSpan: 1, rowSpan: 1, blocks: paragraphsOf(cell) })));
  return { kind: 'table', rows: cells, headerRows: 0 };
}
