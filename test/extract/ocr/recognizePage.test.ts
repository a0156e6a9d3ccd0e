import { describe, expect, it } from 'vitest';
import { meanConfidence, pageFromRows, tidyText, wordsFromRows } from '../../../src/extract/ocr/recognizePage.js';
import { parseTesseractTsv } from '../../../src/extract/ocr/tesseractTsv.js';

describe('wordsFromRows', () => {
  it('keeps the word rows with their confidence scaled to 0..1', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t',
      '4\t1\t1\t1\t1\t0\t300\t300\t900\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t300\t300\t120\t40\t96.5\t40',
      '5\t1\t1\t1\t1\t2\t430\t300\t160\t40\t41.25\thours',
      '5\t1\t1\t1\t1\t3\t600\t300\t10\t40\t95\t ',
    ].join('\n');
    expect(wordsFromRows(parseTesseractTsv(tsv))).toEqual([
      { text: '40', confidence: 0.965 },
      { text: 'hours', confidence: 0.413 },
    ]);
  });

  it('weighs the mean confidence by word length', () => {
    expect(meanConfidence([{ text: 'a', confidence: 0 }, { text: 'internship', confidence: 1 }])).toBeCloseTo(10 / 11, 3);
    expect(meanConfidence([])).toBe(0);
  });
});

describe('pageFromRows', () => {
  it('lays the text out as the engine does, with the page size and every row kept', () => {
    const rows = parseTesseractTsv(
      [
        '1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t',
        '5\t1\t1\t1\t1\t1\t300\t300\t120\t40\t96\tDear',
        '5\t1\t1\t1\t1\t2\t430\t300\t160\t40\t96\tPriya,',
        '5\t1\t2\t1\t1\t1\t300\t400\t120\t40\t90\t|',
        '5\t1\t2\t1\t1\t2\t330\t400\t120\t40\t90\tam',
        '5\t1\t2\t1\t2\t1\t300\t450\t120\t40\t90\tpleased',
      ].join('\n'),
    );
    const page = pageFromRows(rows);
    expect(page.text).toBe('Dear Priya,\n\nI am\npleased');
    expect(page).toMatchObject({ width: 2550, height: 3300 });
    expect(page.tsv).toBe(rows);
    expect(page.words.map((w) => w.text)).toEqual(['Dear', 'Priya,', '|', 'am', 'pleased']);
  });
});

describe('tidyText', () => {
  it('undoes the engine reading capital I as | or l, only where that is plain', () => {
    expect(tidyText('On behalf of Brightwater, | am pleased to offer you')).toBe('On behalf of Brightwater, I am pleased to offer you');
    expect(tidyText('Ananya lyer\n129 University Drive')).toBe('Ananya Iyer\n129 University Drive');
    expect(tidyText('Suite 1500 | Portland, OR 97204')).toBe('Suite 1500 | Portland, OR 97204');
    expect(tidyText('please sign the letter')).toBe('please sign the letter');
    expect(tidyText('Work location\nWe look')).toBe('Work location\nWe look');
  });

  it('undoes capital I read for a small l after a capital ("EIm Street"), and leaves capitals and McIntyre alone', () => {
    expect(tidyText('520 EIm Street, Suite 1350')).toBe('520 Elm Street, Suite 1350');
    expect(tidyText('Dear AIlison,')).toBe('Dear Allison,');
    expect(tidyText('Ian McIntyre, MIT, IBM Inc.')).toBe('Ian McIntyre, MIT, IBM Inc.');
  });

  it('undoes "w" read for "v" in a month before a day and a year, and nowhere else', () => {
    expect(tidyText('Now. 23, 2026')).toBe('Nov. 23, 2026');
    expect(tidyText('dated Now 3rd, 2027.')).toBe('dated Nov 3rd, 2027.');
    expect(tidyText('Now is the time. Now 23 students, 2026 total')).toBe('Now is the time. Now 23 students, 2026 total');
    expect(tidyText('now 23, 2026')).toBe('now 23, 2026');
  });

  it('drops the form feed and the blank lines the engine pads blocks with', () => {
    expect(tidyText('Dear Priya,   \n\n\n\nWe are pleased\f')).toBe('Dear Priya,\n\nWe are pleased');
  });
});
