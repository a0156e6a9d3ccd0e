import { describe, expect, it } from 'vitest';
import { docTextBlocks } from '../../../src/extract/doc/docTextBlocks.js';
import type { WordBlock } from '../../../src/extract/docx/wordBlocks.js';

/** Blocks as short strings: a paragraph's text, a list item with its marker, a table's cells. */
const shape = (blocks: WordBlock[]): unknown[] =>
  blocks.map((b) => {
    if (b.kind === 'table') return b.rows.map((row) => row.map((cell) => shape(cell.blocks).join(' / ')));
    if (b.kind === 'picture') return '[picture]';
    const text = b.lines.map((l) => l.text).join(' / ');
    return b.list ? `${b.list.marker} ${text}` : text;
  });

describe('docTextBlocks', () => {
  it('rebuilds table rows from cell marks, with cells of several paragraphs', () => {
    const text = 'Dear Ana,\nDate:\tJune 1\nStart date\tJune 1, 2027\t\nWork location\t12 Main St\nDenver, CO 80202\t\nNotes\nA second\tline\t\nSincerely,\n';
    expect(shape(docTextBlocks(text))).toEqual([
      'Dear Ana,',
      'Date: June 1',
      [
        ['Start date', 'June 1, 2027'],
        ['Work location', '12 Main St / Denver, CO 80202'],
        ['Notes / A second', 'line'],
      ],
      'Sincerely,',
    ]);
  });

  it('keeps paragraphs between two tables of different widths apart, and a line ending in a tab is not a table', () => {
    const text = 'A\tB\t\nC\tD\t\nTerms below:\nE\tF\tG\t\nSincerely,\nSignature:\t\n';
    expect(shape(docTextBlocks(text))).toEqual([[['A', 'B'], ['C', 'D']], 'Terms below:', [['E', 'F', 'G']], 'Sincerely,', 'Signature:']);
  });

  it('makes typed bullets list items and leaves empty lines out', () => {
    expect(shape(docTextBlocks('Your duties:\n\n• Calibrate instruments\n- Write procedures\n\n'))).toEqual(['Your duties:', '• Calibrate instruments', '- Write procedures']);
  });
});
