/**
 * Makes test/data/doc/offer-letter.doc, the Word 97-2003 letter the .doc reader's tests read:
 * a .docx written with the docx package (a letterhead and a footer in the page header and footer,
 * a text box, a bulleted list, a terms table with a two-paragraph cell), converted by LibreOffice.
 *
 *   npx tsx scripts/make-legacy-doc.ts        (needs soffice: apt-get install libreoffice-writer)
 *
 * Every name and address in it is invented.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Footer, Header, Packer, Paragraph, Table, TableCell, TableRow, Textbox, TextRun, type ParagraphChild } from 'docx';

const OUT = new URL('../test/data/doc/offer-letter.doc', import.meta.url);

const cell = (...texts: string[]) => new TableCell({ children: texts.map((t) => new Paragraph(t)) });
const row = (label: string, ...value: string[]) => new TableRow({ children: [cell(label), cell(...value)] });

const doc = new Document({
  sections: [
    {
      headers: {
        default: new Header({
          children: [new Paragraph({ children: [new TextRun({ text: 'Ashgrove Instruments, Inc.', bold: true, size: 32 })] }), new Paragraph('51 Lantern Street, Dayton, OH 45402')],
        }),
      },
      footers: { default: new Footer({ children: [new Paragraph('Ashgrove Instruments, Inc. · Registered office: Dayton, Ohio')] }) },
      children: [
        new Paragraph('March 3, 2027'),
        new Paragraph({ children: [new Textbox({ style: { width: '3in', height: '0.4in' }, children: [new Paragraph('Reference: OFR-2027-0042')] }) as unknown as ParagraphChild] }),
        new Paragraph('Tomasz Wielgosz'),
        new Paragraph('18 Orchard Row, Apt 4'),
        new Paragraph('Columbus, OH 43210'),
        new Paragraph('Dear Tomasz,'),
        new Paragraph('We are pleased to offer you the position of Test Engineering Intern. This is a summer internship.'),
        new Paragraph('Your duties will include:'),
        new Paragraph({ bullet: { level: 0 }, text: 'Calibrate bench instruments' }),
        new Paragraph({ bullet: { level: 0 }, text: 'Write test procedures' }),
        new Table({
          rows: [
            row('Start date', 'June 7, 2027'),
            row('End date', 'August 27, 2027'),
            row('Hours', '40 hours per week'),
            row('Compensation', '$23.50 per hour'),
            row('Work location', '51 Lantern Street', 'Dayton, OH 45402'),
          ],
        }),
        new Paragraph('Sincerely,'),
        new Paragraph('Ilse Marchetti'),
        new Paragraph('Engineering Manager'),
      ],
    },
  ],
});

const dir = mkdtempSync(join(tmpdir(), 'legacy-doc-'));
try {
  writeFileSync(join(dir, 'offer-letter.docx'), await Packer.toBuffer(doc));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'doc', '--outdir', dir, join(dir, 'offer-letter.docx')], { stdio: 'ignore' });
  writeFileSync(OUT, readFileSync(join(dir, 'offer-letter.doc')));
  console.log(`wrote ${OUT.pathname}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
