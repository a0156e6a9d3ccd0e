import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LetterPage, Table } from '../../../src/document/letterDocument.js';
import { readDocPage } from '../../../src/extract/doc/readDocPage.js';
import { readDocumentLayers } from '../../../src/extract/readDocumentLayers.js';
import { layoutOf } from '../../../src/fields/layout/layoutView.js';
import type { Letter } from '../../../src/fields/letter.js';

// Made by scripts/make-legacy-doc.ts: a .docx from the docx package, saved as .doc by LibreOffice.
const DOC = readFileSync(new URL('../../data/doc/offer-letter.doc', import.meta.url));
const BODY = { kind: 'body' as const, fileName: null };
const LIMITS = { maxBytes: 10e6, maxPages: 20, maxTextChars: 200_000, maxImagePixels: 40e6, maxPdfDecodedBytes: 512e6, maxEntries: 1000, maxUncompressedBytes: 50e6, maxRatio: 200 };
const letterOf = (page: LetterPage): Letter => ({ pages: [page], email: null });
const textOf = (page: LetterPage, span: { start: number; end: number }) => page.text.slice(span.start, span.end);

describe('readDocPage', () => {
  it('reads a Word 97-2003 letter: its page header and footer as regions, paragraphs, the text box, and the terms table', async () => {
    const page = await readDocPage(DOC, { number: 1, part: BODY });
    const view = layoutOf(letterOf(page));
    expect(view.lines({ region: 'header' }).map((l) => l.text)).toEqual(['Ashgrove Instruments, Inc.', '51 Lantern Street, Dayton, OH 45402']);
    expect(view.lines({ region: 'footer' }).map((l) => l.text)).toEqual(['Ashgrove Instruments, Inc. · Registered office: Dayton, Ohio']);
    expect(page.blocks[0].region).toBe('header');
    expect(page.blocks.at(-1)?.region).toBe('footer');
    const body = view.lines({ region: ['body', 'closing'] }).map((l) => l.text);
    // The text box first (the .doc text does not say where it is anchored), then the body in order.
    expect(body.slice(0, 4)).toEqual(['Reference: OFR-2027-0042', 'March 3, 2027', 'Tomasz Wielgosz', '18 Orchard Row, Apt 4']);
    expect(body).toEqual(expect.arrayContaining(['Calibrate bench instruments', 'Sincerely,', 'Ilse Marchetti']));

    const table = page.blocks.find((b): b is Table => b.kind === 'table')!;
    expect(table).toMatchObject({ how: 'docx', region: 'body', headerRows: 0 });
    expect(table.rows.map((r) => r.cells.map((c) => textOf(page, c.span)))).toEqual([
      ['Start date', 'June 7, 2027'],
      ['End date', 'August 27, 2027'],
      ['Hours', '40 hours per week'],
      ['Compensation', '$23.50 per hour'],
      ['Work location', '51 Lantern Street\nDayton, OH 45402'],
    ]);
    expect(view.labelled().map((p) => [p.label.text, p.value.text, p.how])).toEqual(
      expect.arrayContaining([
        ['Start date', 'June 7, 2027', 'table-row'],
        ['Work location', '51 Lantern Street Dayton, OH 45402', 'table-row'],
        ['Reference', 'OFR-2027-0042', 'colon'],
      ]),
    );
    // The binary format's formatting is not read: no bold or size, no boxes, no pictures.
    expect(view.lines()[0]).toMatchObject({ bold: null, fontSize: null, box: null });
    expect([page.size, page.imageCount, view.pictures()]).toEqual([null, 0, []]);
  });

  it('is the reader for kind doc in the reader sandbox, and refuses a .doc whose structure is damaged', async () => {
    const read = await readDocumentLayers({ kind: 'doc', mediaType: 'application/msword', bytes: DOC, limits: LIMITS, renderScannedPages: false });
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0].page.text).toContain('Dear Tomasz,');
    const broken = Buffer.from(DOC);
    // The directory's first sector points back to itself in the sector table.
    const directory = broken.readUInt32LE(0x30);
    broken.writeUInt32LE(directory, (broken.readUInt32LE(0x4c) + 1) * 512 + directory * 4);
    await expect(readDocPage(broken, { number: 1, part: BODY })).rejects.toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
  });
});
