import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  VerticalMergeType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { describe, expect, it } from 'vitest';
import type { Block, LetterPage, Table as TableBlock } from '../../../src/document/letterDocument.js';
import { readDocxPage } from '../../../src/extract/docx/readDocxPage.js';
import { layoutOf } from '../../../src/fields/layout/layoutView.js';
import type { Letter } from '../../../src/fields/letter.js';
import { checkZipArchive } from '../../../src/ingest/checkZipArchive.js';
import { inflateZipEntries } from '../../../src/ingest/inflateZipEntries.js';
import { buildZip } from '../../ingest/zipBuilder.js';

const LIMITS = { maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 };
const BODY = { kind: 'body' as const, fileName: null };
// A 1x1 PNG: a logo as far as Word is concerned.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function pageOfBytes(bytes: Uint8Array): LetterPage {
  const parts = inflateZipEntries(bytes, checkZipArchive(bytes, LIMITS), LIMITS);
  return readDocxPage(parts, { number: 1, part: BODY });
}

async function pageOfSections(sections: ISectionOptions[], options: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<LetterPage> {
  return pageOfBytes(new Uint8Array(await Packer.toBuffer(new Document({ ...options, sections }))));
}

const fixture = (name: string) => pageOfBytes(new Uint8Array(readFileSync(new URL(`../../../fixtures/text/${name}`, import.meta.url))));
const letterOf = (page: LetterPage): Letter => ({ pages: [page], email: null });
const textOf = (page: LetterPage, span: { start: number; end: number }) => page.text.slice(span.start, span.end);
const blockTexts = (page: LetterPage, region?: Block['region']) =>
  page.blocks.filter((b) => region === undefined || b.region === region).map((b) => (b.kind === 'picture' ? `[picture ${b.name}]` : textOf(page, b.span)));
const tables = (page: LetterPage) => page.blocks.filter((b): b is TableBlock => b.kind === 'table');
const cellTexts = (page: LetterPage, table: TableBlock) => table.rows.map((r) => r.cells.map((c) => textOf(page, c.span)));
const pairs = (page: LetterPage) => layoutOf(letterOf(page)).labelled().map((p) => [p.label.text, p.value.text, p.how]);
const logo = (description: string) =>
  new ImageRun({ type: 'png', data: PNG, transformation: { width: 120, height: 40 }, altText: { name: 'Picture 1', description, title: description } });

describe('readDocxPage on the fixture letters', () => {
  it('reads a letterhead in the page header as header blocks with its size and weight, before the body and the footer', () => {
    const page = fixture('docx-header-01.docx');
    const view = layoutOf(letterOf(page));
    expect(view.lines({ region: 'header' }).map((l) => [l.text, l.bold, l.fontSize])).toEqual([
      ['Starling Fintech, Inc.', true, 17],
      ['960 Meridian Road, Suite 1550 | Boston, Massachusetts 02110 | Tel (919) 555-0170 | www.starling-fintech.com', false, 8.5],
    ]);
    expect(page.blocks[0].region).toBe('header');
    expect(page.blocks.at(-1)).toMatchObject({ kind: 'paragraph', region: 'footer' });
    expect(view.lines({ region: 'footer' }).map((l) => l.text)).toEqual(['Starling Fintech, Inc. · Registered office: 960 Meridian Road, Suite 1550, Boston, Massachusetts 02110']);
    // Each Word paragraph is a block; the body's own text is 11 pt from the document defaults.
    expect(blockTexts(page, 'body').slice(0, 3)).toEqual(['3 November 2026', 'Amara Diallo', '793 College Avenue, Apt 37']);
    expect(view.lines({ region: 'body' })[0]).toMatchObject({ text: '3 November 2026', bold: false, fontSize: 11, box: null });
    expect(page.size).toBeNull();
    expect(view.pictures()).toMatchObject([]);
    expect(page.imageCount).toBe(0);
  });

  it('reads a terms table as rows of label and value cells, which the layout view pairs', () => {
    const page = fixture('docx-table-02.docx');
    const [terms] = tables(page);
    expect(terms).toMatchObject({ how: 'docx', headerRows: 0, region: 'body', box: null });
    expect(cellTexts(page, terms).slice(0, 4)).toEqual([
      ['Position', 'Mechanical Engineering Intern'],
      ['Position type', 'Co-op'],
      ['Department', 'Operations Research'],
      ['Start date', '4 January 2027'],
    ]);
    expect(terms.rows[0].cells.map((c) => [c.column, c.colSpan, c.rowSpan])).toEqual([
      [0, 1, 1],
      [1, 1, 1],
    ]);
    expect(pairs(page)).toEqual(
      expect.arrayContaining([
        ['Start date', '4 January 2027', 'table-row'],
        ['Hours', '15 hours per week', 'table-row'],
        ['Compensation', '$24.00 per hour', 'table-row'],
      ]),
    );
    // The duties above the table are Word list items with the bullet numbering.xml defines.
    const items = page.blocks.filter((b) => b.kind === 'item');
    expect(items.map((b) => (b.kind === 'item' ? [b.marker, b.level, textOf(page, b.lines[0].span)] : null))).toEqual([
      ['●', 0, 'Run tolerance analyses on new assemblies'],
      ['●', 0, 'Work with suppliers on part qualification'],
      ['●', 0, 'Support prototype builds and test-fixture design'],
    ]);
    // A signature block typed with line breaks is one paragraph of three lines.
    const signature = page.blocks.find((b) => b.kind === 'paragraph' && textOf(page, b.span).startsWith('Kenji Watanabe'));
    expect(signature?.kind === 'paragraph' && signature.lines.map((l) => textOf(page, l.span))).toEqual(['Kenji Watanabe', 'Director of Engineering', 'Harborline Logistics, Inc.']);
  });

  it('reads a text box once (its mc:Choice, not the VML fallback), where it is anchored, and a signature picture in the body', () => {
    const page = fixture('docx-textbox-04.docx');
    expect(page.text.match(/Start date: May 24, 2027/g)).toHaveLength(1);
    const texts = blockTexts(page, 'body');
    expect(texts.indexOf('Position: Design Engineering Intern')).toBe(texts.indexOf('The terms of your offer are as follows:') + 1);
    expect(pairs(page)).toEqual(expect.arrayContaining([['Start date', 'May 24, 2027', 'colon'], ['Compensation', '$6,800/month', 'colon']]));
    expect(layoutOf(letterOf(page)).pictures()).toMatchObject([{ page: 1, box: null, region: 'body', name: 'Signature' }]);
    expect(page.imageCount).toBe(1);
    expect(texts[texts.indexOf('[picture Signature]') - 1]).toBe('Sincerely,');
  });

  it('reads every fixture letter with its header first, its footer last, and its terms table as a table', () => {
    for (const name of ['docx-header-03.docx', 'docx-header-06.docx', 'docx-header-08.docx', 'docx-header-09.docx', 'docx-table-05.docx', 'docx-table-07.docx', 'docx-table-10.docx']) {
      const page = fixture(name);
      const regions = page.blocks.map((b) => b.region);
      expect(regions.lastIndexOf('header'), name).toBeLessThan(regions.indexOf('body'));
      expect(regions.indexOf('footer'), name).toBeGreaterThan(regions.lastIndexOf('body'));
      if (name.includes('table')) expect(pairs(page).filter((p) => p[2] === 'table-row').map((p) => p[0]), name).toEqual(expect.arrayContaining(['Start date', 'End date']));
    }
  });
});

describe('readDocxPage on documents built for the case', () => {
  it('reads a letterhead that is only a logo in the page header as a header picture, and no header lines', async () => {
    const page = await pageOfSections([
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [logo('Ferncastle Robotics logo')] })] }) },
        children: [new Paragraph('Dear Ana Lima,'), new Paragraph('We are pleased to offer you an internship.')],
      },
    ]);
    const view = layoutOf(letterOf(page));
    expect(view.pictures({ region: 'header' })).toMatchObject([{ page: 1, box: null, region: 'header', name: 'Ferncastle Robotics logo' }]);
    expect(view.lines({ region: 'header' })).toEqual([]);
    expect(page.blocks[0]).toMatchObject({ kind: 'picture', region: 'header' });
    // A logo in the page header is not a picture on the letter's body (a signature would be).
    expect(page.imageCount).toBe(0);
  });

  it('reads a letterhead laid out in a page header table as header lines, not as labels and values', async () => {
    const cell = (...texts: string[]) => new TableCell({ children: texts.map((t) => new Paragraph(t)) });
    const page = await pageOfSections([
      {
        headers: { default: new Header({ children: [new Table({ rows: [new TableRow({ children: [cell('Marigold Transit Cooperative'), cell('9 Ferry Street', 'Albany, NY 12207'), cell('www.marigold.coop')] })] })] }) },
        children: [new Paragraph('Dear Ana Lima,')],
      },
    ]);
    expect(layoutOf(letterOf(page)).lines({ region: 'header' }).map((l) => l.text)).toEqual(['Marigold Transit Cooperative', '9 Ferry Street', 'Albany, NY 12207', 'www.marigold.coop']);
    expect(tables(page)).toEqual([]);
    expect(pairs(page)).toEqual([]);
  });

  it('keeps a logo at the top of the body as the first body block, before the first text', async () => {
    const page = await pageOfSections([
      {
        children: [
          new Paragraph({ children: [logo('Ferncastle Robotics')] }),
          new Paragraph({ children: [new TextRun({ text: 'Ferncastle Robotics Cooperative', bold: true, size: 36 })] }),
          new Paragraph('Dear Ana Lima,'),
        ],
      },
    ]);
    expect(page.blocks[0]).toMatchObject({ kind: 'picture', region: 'body', name: 'Ferncastle Robotics', span: { start: 0, end: 0 } });
    expect(layoutOf(letterOf(page)).lines()[0]).toMatchObject({ text: 'Ferncastle Robotics Cooperative', bold: true, fontSize: 18 });
    expect(page.imageCount).toBe(1);
  });

  it('puts the first-page header first when the section has one, and reads a header part repeated for other pages once', async () => {
    const letterhead = () => new Header({ children: [new Paragraph('Tidewater Analytics LLC'), new Paragraph('400 Pier Road, Norfolk, VA 23510')] });
    const page = await pageOfSections([
      {
        properties: { titlePage: true },
        headers: { first: letterhead(), default: new Header({ children: [new Paragraph('Offer for Priya Raman, page 2')] }), even: letterhead() },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, text: 'Tidewater Analytics LLC, Norfolk' })] }) },
        children: [new Paragraph('Dear Priya Raman,')],
      },
    ]);
    // The even-page header shows only when settings.xml asks for even and odd headers; the first-page one comes first.
    expect(blockTexts(page, 'header')).toEqual(['Tidewater Analytics LLC', '400 Pier Road, Norfolk, VA 23510', 'Offer for Priya Raman, page 2']);
    expect(blockTexts(page)).toEqual([...blockTexts(page, 'header'), 'Dear Priya Raman,', 'Tidewater Analytics LLC, Norfolk']);

    const repeated = await pageOfSections(
      [{ headers: { default: letterhead(), even: letterhead() }, children: [new Paragraph('Dear Priya Raman,')] }],
      { evenAndOddHeaderAndFooters: true },
    );
    expect(blockTexts(repeated, 'header')).toEqual(['Tidewater Analytics LLC', '400 Pier Road, Norfolk, VA 23510']);
  });

  it('reads a data table with merged cells and a header row', async () => {
    const cell = (text: string, options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ children: [new Paragraph(text)], ...options });
    const page = await pageOfSections([
      {
        children: [
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell('Term'), cell('Start date'), cell('End date')] }),
              new TableRow({ children: [cell('Summer', { rowSpan: 2 }), cell('June 1, 2027'), cell('August 20, 2027')] }),
              new TableRow({ children: [cell('June 14, 2027'), cell('August 27, 2027')] }),
              new TableRow({ children: [cell('Hours'), cell('20 hours per week', { columnSpan: 2 })] }),
            ],
          }),
        ],
      },
    ]);
    const [table] = tables(page);
    expect(table.headerRows).toBe(1);
    expect(cellTexts(page, table)).toEqual([
      ['Term', 'Start date', 'End date'],
      ['Summer', 'June 1, 2027', 'August 20, 2027'],
      ['June 14, 2027', 'August 27, 2027'],
      ['Hours', '20 hours per week'],
    ]);
    expect(table.rows.map((r) => r.cells.map((c) => [c.column, c.colSpan, c.rowSpan]))).toEqual([
      [[0, 1, 1], [1, 1, 1], [2, 1, 1]],
      [[0, 1, 2], [1, 1, 1], [2, 1, 1]],
      [[1, 1, 1], [2, 1, 1]],
      [[0, 1, 1], [1, 2, 1]],
    ]);
    expect(pairs(page)).toEqual(expect.arrayContaining([['Start date', 'June 1, 2027', 'table-column'], ['End date', 'August 27, 2027', 'table-column']]));
  });

  it('takes a bold first row over plain rows for the header row', async () => {
    const bold = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] });
    const plain = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const page = await pageOfSections([
      { children: [new Table({ rows: [new TableRow({ children: [bold('Hours per week'), bold('Pay rate')] }), new TableRow({ children: [plain('20'), plain('$25.00 per hour')] })] })] },
    ]);
    expect(tables(page)[0].headerRows).toBe(1);
    expect(pairs(page)).toEqual([
      ['Hours per week', '20', 'table-column'],
      ['Pay rate', '$25.00 per hour', 'table-column'],
    ]);
  });

  it('reads a layout table (a logo beside the address, the letter in a frame) as ordinary blocks in reading order', async () => {
    const paragraphs = (...texts: string[]) => texts.map((t) => new Paragraph(t));
    const terms = new Table({
      rows: [
        new TableRow({ children: [new TableCell({ children: paragraphs('Start date') }), new TableCell({ children: paragraphs('June 1, 2027') })] }),
        new TableRow({ children: [new TableCell({ children: paragraphs('Hours') }), new TableCell({ children: paragraphs('20 hours per week') })] }),
      ],
    });
    const page = await pageOfSections([
      {
        children: [
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph({ children: [logo('Brightwater Labs logo')] })] }),
                  new TableCell({ children: paragraphs('Brightwater Labs', '77 Quarry Lane', 'Burlington, VT 05401') }),
                ],
              }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({
                    children: [...paragraphs('Dear Ana Lima,', 'We are pleased to offer you a summer internship as a Data Intern.'), terms, ...paragraphs('Sincerely,', 'Dana Lee')],
                  }),
                ],
              }),
            ],
          }),
        ],
      },
    ]);
    expect(page.blocks.map((b) => b.kind)).toEqual(['picture', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'table', 'paragraph', 'paragraph']);
    expect(blockTexts(page)).toEqual([
      '[picture Brightwater Labs logo]',
      'Brightwater Labs',
      '77 Quarry Lane',
      'Burlington, VT 05401',
      'Dear Ana Lima,',
      'We are pleased to offer you a summer internship as a Data Intern.',
      'Start date\tJune 1, 2027\nHours\t20 hours per week',
      'Sincerely,',
      'Dana Lee',
    ]);
    expect(pairs(page)).toEqual([
      ['Start date', 'June 1, 2027', 'table-row'],
      ['Hours', '20 hours per week', 'table-row'],
    ]);
    expect(layoutOf(letterOf(page)).pictures()).toMatchObject([{ page: 1, box: null, region: 'body', name: 'Brightwater Labs logo' }]);
  });

  it('numbers a numbered list as Word shows it and marks a bulleted one with its bullet', async () => {
    const page = await pageOfSections(
      [
        {
          children: [
            new Paragraph({ numbering: { reference: 'terms', level: 0 }, text: 'Start on June 1, 2027' }),
            new Paragraph({ numbering: { reference: 'terms', level: 1 }, text: 'Orientation week' }),
            new Paragraph({ numbering: { reference: 'terms', level: 1 }, text: 'Team placement' }),
            new Paragraph({ numbering: { reference: 'terms', level: 0 }, text: 'Work 20 hours per week' }),
            new Paragraph({ bullet: { level: 0 }, text: 'Build dashboards' }),
            new Paragraph({ bullet: { level: 0 }, text: 'Clean data sets' }),
            new Paragraph('• Typed by hand'),
          ],
        },
      ],
      {
        numbering: {
          config: [
            {
              reference: 'terms',
              levels: [
                { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
                { level: 1, format: LevelFormat.LOWER_LETTER, text: '%1.%2)', alignment: AlignmentType.START },
              ],
            },
          ],
        },
      },
    );
    const items = page.blocks.flatMap((b) => (b.kind === 'item' ? [[b.marker, b.level, textOf(page, b.lines[0].span)]] : []));
    expect(items).toEqual([
      ['1.', 0, 'Start on June 1, 2027'],
      ['1.a)', 1, 'Orientation week'],
      ['1.b)', 1, 'Team placement'],
      ['2.', 0, 'Work 20 hours per week'],
      ['●', 0, 'Build dashboards'],
      ['●', 0, 'Clean data sets'],
      ['•', 0, 'Typed by hand'],
    ]);
    expect(page.text).toContain('1.a) Orientation week');
  });

  it('reads a text box where it is anchored, and bold, size and heading styles', async () => {
    const box = new Textbox({
      style: { width: '5in', height: '1in' },
      children: [new Paragraph({ children: [new TextRun({ text: 'Start date: ', bold: true }), new TextRun('June 1, 2027')] })],
    });
    const page = await pageOfSections([
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: 'Offer of Employment' }),
          new Paragraph({ children: [new TextRun({ text: 'Brightwater Labs', bold: true, size: 28 })] }),
          new Paragraph('The terms:'),
          new Paragraph({ children: [box as unknown as ParagraphChild] }),
          new Paragraph('Sincerely,'),
        ],
      },
    ]);
    const lines = layoutOf(letterOf(page)).lines();
    expect(lines.map((l) => l.text)).toEqual(['Offer of Employment', 'Brightwater Labs', 'The terms:', 'Start date: June 1, 2027', 'Sincerely,']);
    expect(lines[1]).toMatchObject({ bold: true, fontSize: 14 });
    // A label in bold and its value in plain text is not a bold line.
    expect(lines[3].bold).toBe(false);
    // docx's Title style is 28 pt.
    expect(lines[0].fontSize).toBe(28);
    expect(pairs(page)).toEqual([['Start date', 'June 1, 2027', 'colon']]);
  });
});

describe('readDocxPage on WordprocessingML written by hand', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const partsOf = (documentXml: string) => new Map([['word/document.xml', Buffer.from(documentXml)]]);
  const read = (documentXml: string) => readDocxPage(partsOf(documentXml), { number: 1, part: BODY });

  it('reads the document whatever prefix it gives the WordprocessingML namespace', () => {
    const page = read(`<doc:document xmlns:doc="${W}"><doc:body><doc:p><doc:r><doc:rPr><doc:b/></doc:rPr><doc:t>Start date:</doc:t><doc:tab/><doc:t>June 1, 2027</doc:t></doc:r></doc:p></doc:body></doc:document>`);
    expect(layoutOf(letterOf(page)).lines().map((l) => [l.text, l.bold])).toEqual([['Start date: June 1, 2027', true]]);
    const strict = read(`<document xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main"><body><p><r><t>Dear Ana Lima,</t></r></p></body></document>`);
    expect(strict.text).toBe('Dear Ana Lima,');
  });

  it('leaves out hidden text and tracked deletions, and keeps tracked insertions, links and content controls', () => {
    const page = read(
      `<w:document xmlns:w="${W}"><w:body><w:p>` +
        `<w:r><w:t xml:space="preserve">You will work </w:t></w:r>` +
        `<w:del><w:r><w:delText>40</w:delText></w:r></w:del><w:ins><w:r><w:t>20</w:t></w:r></w:ins>` +
        `<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (or 60)</w:t></w:r>` +
        `<w:hyperlink><w:r><w:t xml:space="preserve"> hours</w:t></w:r></w:hyperlink>` +
        `<w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> per week.</w:t></w:r></w:sdtContent></w:sdt>` +
        `</w:p></w:body></w:document>`,
    );
    expect(page.text).toBe('You will work 20 hours per week.');
  });

  it('reads a legacy VML picture with its alt text, and a line break as a new line of the paragraph', () => {
    const page = read(
      `<w:document xmlns:w="${W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>` +
        `<w:p><w:r><w:pict><v:shape alt="Signature of Dana Lee"><v:imagedata/></v:shape></w:pict></w:r></w:p>` +
        `<w:p><w:r><w:t>Dana Lee</w:t><w:br/><w:t>HR Director</w:t></w:r></w:p></w:body></w:document>`,
    );
    expect(page.blocks.map((b) => b.kind)).toEqual(['picture', 'paragraph']);
    expect(layoutOf(letterOf(page)).pictures()[0].name).toBe('Signature of Dana Lee');
    expect(page.text).toBe('Dana Lee\nHR Director');
    expect(page.imageCount).toBe(1);
  });

  it('refuses a part without a body and a tree nested past any letter', () => {
    expect(() => readDocxPage(new Map(), { number: 1, part: BODY })).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
    expect(() => read(`<w:document xmlns:w="${W}"></w:document>`)).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
    const deep = `<w:document xmlns:w="${W}"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(5000)}${'</w:tc></w:tr></w:tbl>'.repeat(5000)}</w:body></w:document>`;
    expect(() => read(deep)).toThrow(expect.objectContaining({ code: 'DOCUMENT_UNREADABLE' }));
  });

  it('reads a Word document from the inflated zip the ingest checks', () => {
    const bytes = buildZip([{ name: 'word/document.xml', data: `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Dear Ana Lima,</w:t></w:r></w:p></w:body></w:document>` }]);
    expect(pageOfBytes(bytes).text).toBe('Dear Ana Lima,');
  });
});
