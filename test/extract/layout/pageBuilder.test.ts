import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src/document/letterDocument.js';
import { PageBuilder } from '../../../src/extract/layout/pageBuilder.js';
import { pageFromText } from '../../../src/extract/layout/pageFromText.js';

const at = (text: string, span: Span) => text.slice(span.start, span.end);

describe('PageBuilder', () => {
  it('lays out blocks with blank lines between them and every span pointing at its text', () => {
    const b = new PageBuilder({ number: 2 });
    b.paragraph('header', [{ text: '  Acme   Robotics ', fontSize: 18, bold: true }, { text: '12 Main St, Denver, CO 80202' }]);
    b.paragraph('body', [{ text: 'Dear Priya,' }]);
    b.item('body', '•', [{ text: 'Build dashboards' }]);
    b.table('body', [[{ lines: [{ text: 'Start date' }] }, { lines: [{ text: 'June 1, 2027' }] }], [{ lines: [{ text: 'Hours' }] }, { lines: [{ text: '20 per week' }] }]], { how: 'docx' });
    const page = b.build();
    expect(page.text).toBe('Acme Robotics\n12 Main St, Denver, CO 80202\n\nDear Priya,\n\n• Build dashboards\n\nStart date\tJune 1, 2027\nHours\t20 per week');
    const [head, body, item, table] = page.blocks;
    expect(head.kind === 'paragraph' && head.lines.map((l) => at(page.text, l.span))).toEqual(['Acme Robotics', '12 Main St, Denver, CO 80202']);
    expect(head.kind === 'paragraph' && head.lines[0]).toMatchObject({ fontSize: 18, bold: true, span: { page: 2 } });
    expect(at(page.text, body.span)).toBe('Dear Priya,');
    expect(item.kind === 'item' && [item.marker, at(page.text, item.lines[0].span)]).toEqual(['•', 'Build dashboards']);
    expect(table.kind === 'table' && table.rows.map((r) => r.cells.map((c) => at(page.text, c.span)))).toEqual([
      ['Start date', 'June 1, 2027'],
      ['Hours', '20 per week'],
    ]);
  });

  it('gives each word its span and box, and the line the union of its words', () => {
    const b = new PageBuilder({ number: 1, source: 'ocr' });
    b.paragraph('body', [
      {
        words: [
          { text: '40', box: { x: 0.1, y: 0.5, width: 0.02, height: 0.01 }, confidence: 0.4 },
          { text: 'hours', box: { x: 0.13, y: 0.5, width: 0.05, height: 0.012 }, confidence: 0.9 },
        ],
      },
    ]);
    const page = b.build();
    const line = page.blocks[0].kind === 'paragraph' ? page.blocks[0].lines[0] : null;
    expect(line?.words?.map((w) => at(page.text, w.span))).toEqual(['40', 'hours']);
    expect(line?.box?.x).toBeCloseTo(0.1);
    expect(line?.box?.width).toBeCloseTo(0.08);
    expect(line?.confidence).toBeCloseTo(0.65);
  });

  it('keeps empty cells in their columns and drops rows and blocks with no text', () => {
    const b = new PageBuilder({ number: 1 });
    b.paragraph('body', [{ text: '   ' }]);
    b.table('body', [[{ lines: [{ text: 'Pay' }] }, { lines: [] }, { lines: [{ text: '$25/hour' }] }], [{ lines: [] }, { lines: [] }]], { how: 'html' });
    const page = b.build();
    expect(page.text).toBe('Pay\t\t$25/hour');
    const table = page.blocks[0];
    expect(table.kind === 'table' && table.rows.length).toBe(1);
    expect(table.kind === 'table' && table.rows[0].cells.map((c) => c.column)).toEqual([0, 1, 2]);
  });
});

describe('pageFromText', () => {
  it('reads paragraphs, list items and column-separated rows as such', () => {
    const page = pageFromText('Dear Ana,\nWelcome.\n\n- Build models\n- Write tests\nStart date\t\tJune 1, 2027\nEnd date      August 20, 2027\n\nSincerely,');
    expect(page.blocks.map((b) => b.kind)).toEqual(['paragraph', 'item', 'item', 'table', 'paragraph']);
    const table = page.blocks[3];
    expect(table.kind === 'table' && table.rows.map((r) => r.cells.map((c) => at(page.text, c.span)))).toEqual([
      ['Start date', 'June 1, 2027'],
      ['End date', 'August 20, 2027'],
    ]);
  });

  it('keeps a cell that wraps onto the next line in its cell', () => {
    const page = pageFromText('Work location \t213 Industrial Parkway, Boston, MA 02110-\n1809\nThanks.');
    const table = page.blocks[0];
    expect(table.kind === 'table' && table.rows[0].cells[1].lines.map((l) => at(page.text, l.span))).toEqual(['213 Industrial Parkway, Boston, MA 02110-', '1809']);
  });
});

describe('pageFromText on hostile text', () => {
  it('reads a line of 200,000 spaces in linear time (each run of blanks looked at once)', () => {
    const page = pageFromText(`Dear Ana,${' '.repeat(200_000)}word\nStart\tJune 1`);
    expect(page.blocks[0].kind).toBe('table');
    expect(page.text).toBe('Dear Ana,\tword\nStart\tJune 1');
  });
});
