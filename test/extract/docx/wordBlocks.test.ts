import { describe, expect, it } from 'vitest';
import { isLayoutTable, type WordBlock, type WordCell, type WordTable } from '../../../src/extract/docx/wordBlocks.js';

const p = (...lines: string[]): WordBlock => ({ kind: 'paragraph', lines: lines.map((text) => ({ text })), list: null });
const item = (text: string): WordBlock => ({ kind: 'paragraph', lines: [{ text }], list: { marker: '•', level: 0 } });
const cell = (column: number, ...blocks: WordBlock[]): WordCell => ({ column, colSpan: 1, rowSpan: 1, blocks });
const table = (...rows: WordBlock[][][]): WordTable => ({ kind: 'table', headerRows: 0, rows: rows.map((row) => row.map((blocks, i) => cell(i, ...blocks))) });

describe('isLayoutTable', () => {
  it('takes rows of label and value cells for data, however long or listed the values', () => {
    expect(isLayoutTable(table([[p('Start date')], [p('June 1, 2027')]], [[p('Hours')], [p('20 hours per week')]]))).toBe(false);
    const duties = [item('Build dashboards'), item('Clean data sets'), item('Write reports'), item('Present results')];
    const address = [p('1240 Franklin Avenue'), p('Suite 2400'), p('Madison, WI 53703')];
    expect(isLayoutTable(table([[p('Duties')], duties], [[p('Work location')], address]))).toBe(false);
    // A header row over short values.
    expect(isLayoutTable(table([[p('Start date')], [p('End date')]], [[p('June 1, 2027')], [p('August 20, 2027')]]))).toBe(false);
  });

  it('takes a frame, side-by-side blocks, a picture or a nested table for layout', () => {
    // The whole letter in one cell.
    expect(isLayoutTable(table([[p('Dear Ana Lima,'), p('We are pleased to offer you an internship.'), p('Sincerely,')]]))).toBe(true);
    // Two signature blocks side by side.
    expect(isLayoutTable(table([[p('Sincerely,'), p('Dana Lee'), p('HR Director')], [p('Accepted by:'), p('Ana Lima'), p('Date:')]]))).toBe(true);
    // An address block beside the letter's text.
    expect(isLayoutTable(table([[p('Brightwater Labs', '77 Quarry Lane', 'Burlington, VT 05401')], [p('Dear Ana Lima,')]]))).toBe(true);
    expect(isLayoutTable(table([[{ kind: 'picture', name: 'logo' }], [p('Brightwater Labs')]]))).toBe(true);
    expect(isLayoutTable(table([[table([[p('Start date')], [p('June 1, 2027')]])], [p('Notes')]]))).toBe(true);
  });
});
