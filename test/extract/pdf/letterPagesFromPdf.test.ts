import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Box, LetterPage } from '../../../src/document/letterDocument.js';
import { layoutOf } from '../../../src/fields/layout/layoutView.js';
import type { Letter } from '../../../src/fields/letter.js';
import { blocksOf, columnDrawnTable, continuationPage, drawPdf, fourColumnTable, letterheadPage, listPage, put, readPdfPages, sameSizeLetterhead, tabStopTerms, twoColumnPage } from './samplePdfs.js';

const letterOf = (pages: LetterPage[]): Letter => ({ pages, email: null });
const pairs = (pages: LetterPage[]) => layoutOf(letterOf(pages)).labelled().map((p) => [p.label.text, p.value.text, p.how]);
const headerLines = (pages: LetterPage[]) => layoutOf(letterOf(pages)).lines({ region: 'header' }).map((l) => l.text);
const fixture = async (name: string) => readPdfPages(readFileSync(`fixtures/text/${name}.pdf`));

function expectInside(box: Box | null | undefined): void {
  expect(box).not.toBeNull();
  const b = box as Box;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.width).toBeGreaterThan(0);
  expect(b.height).toBeGreaterThan(0);
  expect(b.x + b.width).toBeLessThanOrEqual(1);
  expect(b.y + b.height).toBeLessThanOrEqual(1);
}

describe('PDF pages built from pdf.js text items (pdfkit documents drawn for the test)', () => {
  it('reads a sidebar beside the body as a block of its own, not interleaved with the body lines', async () => {
    const [page] = await readPdfPages(await drawPdf(twoColumnPage));
    expect(blocksOf(page)).toEqual([
      ['header', 'Harborline Freight Co.'],
      ['body', 'CONTACT\nMira Castellanos\nTalent Partner\nmira@harborline.example\n(555) 013-2291'],
      ['body', 'OFFICE\n88 Quay Street\nTacoma, WA 98402'],
      ['body', 'Dear Jonah Whitcombe,'],
      [
        'body',
        'We are pleased to offer you the position of Logistics Analyst\nIntern in our Operations group, starting June 7, 2027 and ending\nAugust 27, 2027. You will work 40 hours per week at our Tacoma\noffice and be paid $24.00 per hour.',
      ],
      ['body', 'Sincerely,'],
      ['body', 'Mira Castellanos'],
    ]);
    expect(headerLines([page])).toEqual(['Harborline Freight Co.']);
    expect(pairs([page])).toEqual([]);
    const sidebar = page.blocks[1];
    const body = page.blocks[4];
    // The sidebar sits left of the body, level with it.
    expect(sidebar.box!.x + sidebar.box!.width).toBeLessThan(body.box!.x);
    expect(Math.abs(sidebar.box!.y - body.box!.y)).toBeLessThan(0.05);
  });

  it('reads a table drawn column by column (all labels, then all values) as rows in visual order', async () => {
    const [page] = await readPdfPages(await drawPdf(columnDrawnTable));
    expect(blocksOf(page)).toEqual([
      ['body', 'Terms of the offer:'],
      [
        'body',
        [
          ['Position', 'Research Intern'],
          ['Start date', 'June 7, 2027'],
          ['End date', 'August 27, 2027'],
          ['Hours per week', '20'],
          ['Pay rate', '$26.00 per hour'],
        ],
      ],
      ['body', 'We look forward to working with you.'],
    ]);
    const table = page.blocks[1];
    expect(table).toMatchObject({ kind: 'table', how: 'geometry' });
    if (table.kind !== 'table') return;
    expect(table.rows.map((r) => r.cells.map((c) => c.column))).toEqual(Array(5).fill([0, 1]));
    for (const cell of table.rows.flatMap((r) => r.cells)) expectInside(cell.box);
    // Rows go down the page; the value column is right of the label column.
    const ys = table.rows.map((r) => r.cells[0].box!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(table.rows[0].cells[1].box!.x).toBeGreaterThan(table.rows[0].cells[0].box!.x + table.rows[0].cells[0].box!.width);
    expect(pairs([page])).toEqual([
      ['Position', 'Research Intern', 'table-row'],
      ['Start date', 'June 7, 2027', 'table-row'],
      ['End date', 'August 27, 2027', 'table-row'],
      ['Hours per week', '20', 'table-row'],
      ['Pay rate', '$26.00 per hour', 'table-row'],
    ]);
  });

  it('pairs a four-column contract table whose first row is all label-like (a name beside "Employee"), a wrapped label row aside', async () => {
    // Odoo's contract print format (fixtures/wild/SOURCES.md), printed by Chromium: "Employee | <name> |
    // Department | <dept>" first, then rows of dates; a label wrapped onto a row of its own.
    const pages = await readPdfPages(readFileSync('fixtures/wild/text/odoo-contract-02.pdf'));
    const found = pairs(pages);
    expect(found.slice(0, 4)).toEqual([
      ['Employee', 'Wanjiru Kamau', 'table-row'],
      ['Department', 'Game Systems', 'table-row'],
      ['Start Date', '24/05/2027', 'table-row'],
      ['Job Position', 'Quantitative Analyst Intern', 'table-row'],
    ]);
    expect(found.filter((p) => p[2] === 'table-column')).toEqual([]);
  });

  it('reads two label/value pairs on one row as a four-cell row', async () => {
    const [page] = await readPdfPages(await drawPdf(fourColumnTable));
    expect(blocksOf(page)[1]).toEqual([
      'body',
      [
        ['Start date', 'June 7, 2027', 'End date', 'Aug 20, 2027'],
        ['Hours', '20 per week', 'Pay', '$25.00 per hour'],
        ['Location', 'Remote', 'Supervisor', 'Ines Duarte'],
      ],
    ]);
    expect(pairs([page])).toEqual([
      ['Start date', 'June 7, 2027', 'table-row'],
      ['End date', 'Aug 20, 2027', 'table-row'],
      ['Hours', '20 per week', 'table-row'],
      ['Pay', '$25.00 per hour', 'table-row'],
      ['Location', 'Remote', 'table-row'],
      ['Supervisor', 'Ines Duarte', 'table-row'],
    ]);
  });

  it('reads label/value lines set with a tab stop as a table, though a short line follows at the same spacing', async () => {
    const [page] = await readPdfPages(await drawPdf(tabStopTerms));
    expect(blocksOf(page)).toEqual([
      ['body', 'Dear Oren Vasquez,'],
      ['body', 'The terms are:'],
      [
        'body',
        [
          ['Start date:', 'June 7, 2027'],
          ['End date:', 'August 27, 2027'],
          ['Pay:', '$26.00 per hour'],
        ],
      ],
      ['body', 'Please sign below.'],
    ]);
    expect(pairs([page])).toEqual([
      ['Start date:', 'June 7, 2027', 'table-row'],
      ['End date:', 'August 27, 2027', 'table-row'],
      ['Pay:', '$26.00 per hour', 'table-row'],
    ]);
  });

  it('reads a letterhead whose address runs on beside a date block as two blocks, not a table', async () => {
    const [page] = await readPdfPages(await drawPdf(sameSizeLetterhead));
    expect(blocksOf(page).slice(0, 2)).toEqual([
      ['header', 'Brightwater Labs\n9 Ferry Road\nAstoria, OR 97103\nTel (555) 014-7700'],
      ['header', 'March 3, 2027\nRef: BW-2027-114'],
    ]);
    expect(page.blocks.some((b) => b.kind === 'table')).toBe(false);
    // The name is bold, read from its font's name; the address lines are not.
    expect(layoutOf(letterOf([page])).lines({ region: 'header' }).map((l) => l.bold)).toEqual([true, false, false, false, false, false]);
  });

  it('puts a large bold letterhead (and its small address line) in the header and a small line at the bottom in the footer', async () => {
    const [page] = await readPdfPages(await drawPdf(letterheadPage));
    expect(blocksOf(page)).toEqual([
      ['header', 'Quillfeather Analytics'],
      ['header', '41 Orchard Lane, Suite 5, Madison, WI 53703'],
      ['body', 'March 3, 2027'],
      ['body', 'Dear Oren Vasquez,'],
      ['body', 'We are delighted to offer you a summer internship as a Data Analyst Intern.'],
      ['footer', 'Quillfeather Analytics LLC · 41 Orchard Lane, Madison, WI 53703'],
    ]);
    const view = layoutOf(letterOf([page]));
    expect(view.lines({ region: 'header' }).map((l) => [l.text, l.fontSize, l.bold])).toEqual([
      ['Quillfeather Analytics', 22, true],
      ['41 Orchard Lane, Suite 5, Madison, WI 53703', 9, false],
    ]);
    expect(view.lines({ region: 'footer' }).map((l) => l.text)).toEqual(['Quillfeather Analytics LLC · 41 Orchard Lane, Madison, WI 53703']);
    const [name] = view.lines({ region: 'header' });
    expectInside(name.box);
    expect(name.box!.y).toBeLessThan(0.1);
    expect(view.lines({ region: 'footer' })[0].box!.y).toBeGreaterThan(0.9);
    // A line drawn as one item has its line's box: a quote of part of it is placed on the line.
    const quote = view.quote({ page: 1, start: page.text.indexOf('Analytics'), end: page.text.indexOf('Analytics') + 'Analytics'.length });
    expect(quote).toEqual({ page: 1, quote: 'Analytics', box: name.box });
    expect(name.source.words).toBeNull();
  });

  it('gives the words of a line drawn in pieces their own boxes, so a quote of a bold amount is placed on it', async () => {
    const bytes = await drawPdf((doc) => {
      put(doc, 'You will be paid', 72, 100);
      put(doc, '$26.00 per hour', 158, 100, 11, 'Helvetica-Bold');
      put(doc, 'before taxes.', 245, 100);
    });
    const [page] = await readPdfPages(bytes);
    const view = layoutOf(letterOf([page]));
    const [line] = view.lines();
    expect(line.text).toBe('You will be paid $26.00 per hour before taxes.');
    expect(line.source.words?.map((w) => page.text.slice(w.span.start, w.span.end))).toEqual(['You', 'will', 'be', 'paid', '$26.00', 'per', 'hour', 'before', 'taxes.']);
    const at = page.text.indexOf('$26.00 per hour');
    const quote = view.quote({ page: 1, start: at, end: at + '$26.00 per hour'.length });
    expect(quote.box!.x).toBeCloseTo(158 / 612, 2);
    expect(quote.box!.width).toBeLessThan(line.box!.width / 2);
  });

  it('reads list items from their markers, a wrapped item whole, its marker apart from its lines', async () => {
    const [page] = await readPdfPages(await drawPdf(listPage));
    expect(blocksOf(page)).toEqual([
      ['body', 'Your responsibilities will include:'],
      ['body', '• Build data pipelines in Python and SQL'],
      ['body', '• Write reproducible analysis notebooks for the\nforecasting team'],
      ['body', '1. Sign this letter'],
      ['body', '2. Return it by May 1, 2027'],
      ['body', 'We look forward to working with you.'],
    ]);
    const items = page.blocks.filter((b) => b.kind === 'item');
    expect(items.map((b) => b.kind === 'item' && [b.marker, b.level, b.lines.map((l) => page.text.slice(l.span.start, l.span.end))])).toEqual([
      ['•', 0, ['Build data pipelines in Python and SQL']],
      ['•', 0, ['Write reproducible analysis notebooks for the', 'forecasting team']],
      ['1.', 0, ['Sign this letter']],
      ['2.', 0, ['Return it by May 1, 2027']],
    ]);
    // The item's first line starts at its text, right of the marker.
    const first = items[0].kind === 'item' ? items[0].lines[0] : null;
    expect(first?.box?.x).toBeCloseTo(98 / 612, 2);
  });

  it('takes a running head repeated at the top of later pages, and page numbers, as page furniture', async () => {
    const pages = await readPdfPages(
      await drawPdf(letterheadPage, continuationPage(2, ['Your supervisor will be Ines Duarte.']), continuationPage(3, ['Sincerely,', 'Ines Duarte'])),
    );
    expect(pages.map(blocksOf)).toEqual([
      blocksOf(pages[0]),
      [
        ['header', 'Offer letter for Oren Vasquez'],
        ['body', 'Your supervisor will be Ines Duarte.'],
        ['footer', '2'],
      ],
      [
        ['header', 'Offer letter for Oren Vasquez'],
        ['body', 'Sincerely,\nInes Duarte'],
        ['footer', '3'],
      ],
    ]);
    expect(headerLines(pages)).toEqual(['Quillfeather Analytics', '41 Orchard Lane, Suite 5, Madison, WI 53703', 'Offer letter for Oren Vasquez', 'Offer letter for Oren Vasquez']);
  });
});

describe('PDF pages built from pdf.js text items (the fixture letters)', () => {
  it('a Chromium-printed table with embedded fonts: letterhead in the header, the terms as a table, wrapped cells kept whole', async () => {
    const pages = await fixture('chromium-table-04');
    expect(blocksOf(pages[0]).slice(0, 3)).toEqual([
      ['header', 'BLUEFINCH MEDIA CO.'],
      ['header', 'Stories that travel'],
      ['header', '870 Park Plaza\nSan Jose, California 95113\nTel (212) 555-0152 | www.bluefinchmedia.com'],
    ]);
    const table = pages[0].blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ how: 'geometry', region: 'body' });
    const rows = blocksOf(pages[0]).find(([, t]) => Array.isArray(t))![1] as string[][];
    expect(rows[0]).toEqual(['Position', 'Embedded Systems Intern']);
    expect(rows.at(-1)).toEqual(['Supervisor', 'Victor Moreau, Principal Researcher\n(victor.moreau@bluefinchmedia.com)']);
    expect(rows).toHaveLength(9);
    const labelled = pairs(pages);
    expect(labelled).toContainEqual(['Start date', 'May 31, 2027', 'table-row']);
    expect(labelled).toContainEqual(['Supervisor', 'Victor Moreau, Principal Researcher (victor.moreau@bluefinchmedia.com)', 'table-row']);
    expect(headerLines(pages)[0]).toBe('BLUEFINCH MEDIA CO.');
    // The signature image after "Sincerely," is a picture of the body, with its box.
    const picture = pages[0].blocks.find((b) => b.kind === 'picture');
    expect(picture?.region).toBe('body');
    expectInside(picture?.box);
    expect(pages[0].size).toEqual({ width: 612, height: 792 });
  });

  it('a letterhead with an address block set right beside it: two blocks, each whole, both header', async () => {
    const [page] = await fixture('pdfkit-twocol-02');
    expect(blocksOf(page).slice(0, 4)).toEqual([
      ['header', 'Everglow Solar Cooperative'],
      ['header', '490 Lakeshore Drive, Suite 600\nChicago, IL 60606-7664\nTel (801) 555-0169 | www.everglowsolar.coop'],
      ['header', 'Date: Oct. 25, 2026\nOur ref: OFR-2027-9730'],
      ['body', 'Aisha Bello\n815 University Drive\nChampaign, IL 61820'],
    ]);
    expect(blocksOf(page).at(-1)).toEqual(['footer', 'Everglow Solar Cooperative · Registered office: 490 Lakeshore Drive, Suite 600, Chicago, IL 60606-7664']);
    expect(pairs([page])).toEqual(
      expect.arrayContaining([
        ['Date', 'Oct. 25, 2026', 'colon'],
        ['Our ref', 'OFR-2027-9730', 'colon'],
      ]),
    );
  });

  it('a right-aligned address block beside the company name (Chromium, flex layout) is read after the name, not line by line across', async () => {
    const [page] = await fixture('chromium-flex-01');
    expect(headerLines([page])).toEqual(['Wrenfield Insurance Company', 'Since 1921', '750 Canal Street, Suite 2450', 'Charlotte, NC 28202-4770', 'Tel (617) 555-0101 | www.wrenfield.com']);
    expect(blocksOf(page).slice(3, 5)).toEqual([
      ['body', 'October 18, 2026'],
      ['body', 'Reference: OFR-2027-3710'],
    ]);
  });

  it('a pdfkit table and a footer with page numbers on both pages', async () => {
    const pages = await fixture('pdfkit-table-03');
    expect(pages.map((p) => blocksOf(p).at(-1))).toEqual([
      ['footer', 'Copperkite Games LLC · Registered office: 170 Summit Boulevard, Houston, Texas 77002\nPage 1 of 2'],
      ['footer', 'Copperkite Games LLC · Registered office: 170 Summit Boulevard, Houston, Texas 77002\nPage 2 of 2'],
    ]);
    expect(pairs(pages).filter((p) => p[2] === 'table-row')).toHaveLength(9);
    expect(pairs(pages)).toContainEqual(['Work location', '920 Lakeshore Drive, Portland, OR 97204', 'table-row']);
    // The pipes of the letterhead's address line are part of one line, not table cells.
    expect(headerLines(pages)).toEqual(['Copperkite Games LLC', '170 Summit Boulevard | Houston, Texas 77002 | Tel (412) 555-0129 | www.copperkite.games']);
  });

  it('a justified line drawn word by word stays one line; list-less bullets stay a paragraph of their lines', async () => {
    const [page] = await fixture('pdfkit-classic-01');
    const lines = layoutOf(letterOf([page])).lines().map((l) => l.text);
    expect(lines).toContain('You will report to Nisha Kapoor, Senior Data Scientist, who can be reached at');
    expect(lines).toContain('If you have any questions, please contact Margaret Ellison, HR Generalist, at');
    expect(headerLines([page])).toEqual(['Meridian Loop Networks', '896 Park Plaza · Boise, ID 83702 · Tel (206) 555-0114 | www.meridianloop.net']);
    expect(page.blocks.some((b) => b.kind === 'table')).toBe(false);
    for (const line of layoutOf(letterOf([page])).lines()) {
      expectInside(line.box);
      // Lines drawn in pieces (word by word) carry their words' boxes; lines drawn whole, their own box.
      if (line.source.words) expect(line.source.words.length).toBe(line.text.split(' ').length);
    }
    const justified = layoutOf(letterOf([page])).lines().find((l) => l.text.startsWith('You will report to Nisha Kapoor'));
    expect(justified?.source.words).toHaveLength(14);
  });
});
