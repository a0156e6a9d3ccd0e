import { describe, expect, it } from 'vitest';
import { PageBuilder } from '../../../src/extract/layout/pageBuilder.js';
import { layoutOf } from '../../../src/fields/layout/layoutView.js';
import { letterFromText, type Letter } from '../../../src/fields/letter.js';

const pairs = (letter: Letter) => layoutOf(letter).labelled().map((p) => [p.label.text, p.value.text, p.how]);

describe('layoutOf', () => {
  it('pairs labels with values: table rows, a header row over values, "Label: value" and a label alone on its line', () => {
    const b = new PageBuilder({ number: 1 });
    b.table('body', [[{ lines: [{ text: 'Start date' }] }, { lines: [{ text: 'June 1, 2027' }] }, { lines: [{ text: 'End date' }] }, { lines: [{ text: 'Aug 20, 2027' }] }]], { how: 'geometry' });
    b.table('body', [[{ lines: [{ text: 'Hours per week' }] }, { lines: [{ text: 'Pay rate' }] }], [{ lines: [{ text: '20' }] }, { lines: [{ text: '$25.00 per hour' }] }]], { how: 'html', headerRows: 1 });
    b.paragraph('body', [{ text: 'Supervisor: Dana Lee' }]);
    b.paragraph('body', [{ text: 'Work location:' }, { text: '12 Main St, Denver, CO 80202' }]);
    const letter: Letter = { pages: [b.build()], email: null };
    expect(pairs(letter)).toEqual([
      ['Start date', 'June 1, 2027', 'table-row'],
      ['End date', 'Aug 20, 2027', 'table-row'],
      ['Hours per week', '20', 'table-column'],
      ['Pay rate', '$25.00 per hour', 'table-column'],
      ['Supervisor', 'Dana Lee', 'colon'],
      ['Work location', '12 Main St, Denver, CO 80202', 'stacked'],
    ]);
  });

  it('keeps a header row over a column of values, and reads label/value rows whose first row looks like labels as rows', () => {
    const cell = (text: string) => ({ lines: [{ text }] });
    const headed = new PageBuilder({ number: 1 });
    headed.table('body', [[cell('Start date'), cell('End date'), cell('Hours')], [cell('June 1, 2027'), cell('Aug 20, 2027'), cell('20')]], { how: 'geometry' });
    expect(pairs({ pages: [headed.build()], email: null })).toEqual([
      ['Start date', 'June 1, 2027', 'table-column'],
      ['End date', 'Aug 20, 2027', 'table-column'],
      ['Hours', '20', 'table-column'],
    ]);
    const rows = new PageBuilder({ number: 1 });
    rows.table(
      'body',
      [
        [cell('Employee'), cell('Dana Lee'), cell('Department'), cell('Research')],
        [cell('Start Date'), cell('06/01/2027'), cell('Job Position'), cell('Data Intern')],
      ],
      { how: 'geometry' },
    );
    expect(pairs({ pages: [rows.build()], email: null })).toEqual([
      ['Employee', 'Dana Lee', 'table-row'],
      ['Department', 'Research', 'table-row'],
      ['Start Date', '06/01/2027', 'table-row'],
      ['Job Position', 'Data Intern', 'table-row'],
    ]);
  });

  it('does not take a sentence with a colon, or a clock time, for a label', () => {
    const letter = letterFromText('Please note the following important information about your offer: it expires soon.\nThe day starts at 9:00 a.m.');
    expect(pairs(letter)).toEqual([]);
  });

  it('marks the lines from the complimentary close on as the closing', () => {
    const letter = letterFromText('Acme Labs\n\nDear Ana,\nWelcome aboard.\n\nSincerely,\nDana Lee\nHR Director');
    const view = layoutOf(letter);
    expect(view.lines().map((l) => l.region)).toEqual(['body', 'body', 'body', 'closing', 'closing', 'closing']);
    expect(view.lines({ region: 'closing' }).map((l) => l.text)).toEqual(['Sincerely,', 'Dana Lee', 'HR Director']);
  });

  it('quotes the letter at a span, with the box of the words under it', () => {
    const b = new PageBuilder({ number: 1, source: 'ocr' });
    b.paragraph('body', [
      {
        words: [
          { text: 'You', box: { x: 0.1, y: 0.2, width: 0.03, height: 0.01 } },
          { text: 'work', box: { x: 0.14, y: 0.2, width: 0.04, height: 0.01 } },
          { text: '40', box: { x: 0.19, y: 0.2, width: 0.02, height: 0.01 } },
          { text: 'hours.', box: { x: 0.22, y: 0.2, width: 0.05, height: 0.01 } },
        ],
      },
    ]);
    const letter: Letter = { pages: [b.build()], email: null };
    const quote = layoutOf(letter).quote({ page: 1, start: 9, end: 18 });
    expect(quote.quote).toBe('40 hours.');
    expect(quote.box?.x).toBeCloseTo(0.19);
    expect(quote.box?.width).toBeCloseTo(0.08);
    expect(layoutOf(letterFromText('40 hours.')).quote({ page: 1, start: 0, end: 8 })).toEqual({ page: 1, quote: '40 hours', box: null });
  });
});

describe('the closing', () => {
  it('is not an opening "On behalf of <Company>, I am pleased ..." wrapped at the end of a line', () => {
    const letter = letterFromText('Dear Priya,\nOn behalf of Bramblewood Analytics Group, I am pleased to offer you the\nposition of Data Analyst Intern.\n\nSincerely,\nDana Lee');
    expect(layoutOf(letter).lines({ region: 'closing' }).map((l) => l.text)).toEqual(['Sincerely,', 'Dana Lee']);
  });
});
