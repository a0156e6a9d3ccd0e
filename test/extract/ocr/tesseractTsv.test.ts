import { describe, expect, it } from 'vitest';
import { joinBandRows, pageSizeFromRows, parseTesseractTsv, textFromRows } from '../../../src/extract/ocr/tesseractTsv.js';

// Native tesseract 5.3 prints a header row; tesseract.js's build does not.
const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const BODY = [
  '1\t1\t0\t0\t0\t0\t0\t0\t2550\t1600\t-1\t',
  '2\t1\t1\t0\t0\t0\t300\t300\t900\t120\t-1\t',
  '3\t1\t1\t1\t0\t0\t300\t300\t900\t120\t-1\t',
  '4\t1\t1\t1\t1\t0\t300\t300\t900\t40\t-1\t',
  '5\t1\t1\t1\t1\t1\t300\t300\t120\t40\t96.773964\tOffer',
  '5\t1\t1\t1\t1\t2\t430\t300\t60\t40\t95.1\tof',
  '4\t1\t1\t1\t2\t0\t300\t380\t400\t40\t-1\t',
  '5\t1\t1\t1\t2\t1\t300\t380\t400\t40\t91.5\tinternship',
];

describe('parseTesseractTsv', () => {
  it('reads every row, with or without the header, the same', () => {
    const withHeader = parseTesseractTsv([HEADER, ...BODY].join('\n'));
    expect(withHeader).toEqual(parseTesseractTsv(BODY.join('\r\n')));
    expect(withHeader).toHaveLength(8);
    expect(withHeader[0]).toEqual({ level: 1, block: 0, paragraph: 0, line: 0, word: 0, left: 0, top: 0, width: 2550, height: 1600, conf: -1, text: '' });
    expect(withHeader[4]).toEqual({ level: 5, block: 1, paragraph: 1, line: 1, word: 1, left: 300, top: 300, width: 120, height: 40, conf: 96.773964, text: 'Offer' });
  });

  it('skips what is not a row of numbers', () => {
    expect(parseTesseractTsv('Empty page!!\n9\t1\t0\t0\t0\t0\t0\t0\t1\t1\t-1\t\n5\t1\tx\t1\t1\t1\t0\t0\t1\t1\t90\tword\n')).toEqual([]);
  });
});

describe('textFromRows and pageSizeFromRows', () => {
  it('joins words with spaces and lines with newlines, and takes the size from the page row', () => {
    const rows = parseTesseractTsv(BODY.join('\n'));
    expect(textFromRows(rows)).toBe('Offer of\ninternship');
    expect(pageSizeFromRows(rows)).toEqual({ width: 2550, height: 1600 });
    expect(pageSizeFromRows([])).toEqual({ width: 0, height: 0 });
  });
});

describe('joinBandRows', () => {
  it('moves the lower band down by the cut and numbers its blocks on, under one page row', () => {
    const band = parseTesseractTsv(BODY.join('\n'));
    const joined = joinBandRows(band, band, 1600, 2550, 3200);
    expect(joined.filter((r) => r.level === 1)).toEqual([{ level: 1, block: 0, paragraph: 0, line: 0, word: 0, left: 0, top: 0, width: 2550, height: 3200, conf: -1, text: '' }]);
    const words = joined.filter((r) => r.level === 5);
    expect(words.map((w) => [w.text, w.block, w.top])).toEqual([
      ['Offer', 1, 300],
      ['of', 1, 300],
      ['internship', 1, 380],
      ['Offer', 2, 1900],
      ['of', 2, 1900],
      ['internship', 2, 1980],
    ]);
    expect(textFromRows(joined)).toBe('Offer of\ninternship\n\nOffer of\ninternship');
  });
});
