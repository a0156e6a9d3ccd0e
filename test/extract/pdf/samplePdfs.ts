import PDFDocument from 'pdfkit';
import type { LetterPage } from '../../../src/document/letterDocument.js';
import { readDocumentLayers } from '../../../src/extract/readDocumentLayers.js';

// Every person, company and address below is invented.

type Draw = (doc: PDFKit.PDFDocument) => void;

/** A PDF drawn with pdfkit, one function a page, each placing text where the test needs it (points, origin top left). */
export function drawPdf(...pages: Draw[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const draw of pages) {
      doc.addPage();
      draw(doc);
    }
    doc.end();
  });
}

/** One line of text with its top at (x, y), in a font and size. */
export function put(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size = 11, font = 'Helvetica'): void {
  doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false });
}

const LIMITS = {
  maxBytes: 10_000_000,
  maxPages: 20,
  maxTextChars: 200_000,
  maxEntries: 1000,
  maxUncompressedBytes: 100_000_000,
  maxRatio: 100,
  maxImagePixels: 40_000_000,
  maxPdfDecodedBytes: 512 * 1024 * 1024,
};

/** The pages the reader builds from a PDF, as the service reads it (OCR off). */
export async function readPdfPages(bytes: Uint8Array): Promise<LetterPage[]> {
  const read = await readDocumentLayers({ kind: 'pdf', mediaType: 'application/pdf', bytes: new Uint8Array(bytes), limits: LIMITS, renderScannedPages: false });
  return read.pages.map((p) => p.page);
}

/** Each block as its region and text; a table as its cells' texts, row by row. */
export function blocksOf(page: LetterPage): [string, string | string[][]][] {
  const at = (s: { start: number; end: number }) => page.text.slice(s.start, s.end);
  return page.blocks.map((b) => [b.region, b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => at(c.span))) : b.kind === 'picture' ? '[picture]' : at(b.span)]);
}

const BODY = [
  'We are pleased to offer you the position of Logistics Analyst',
  'Intern in our Operations group, starting June 7, 2027 and ending',
  'August 27, 2027. You will work 40 hours per week at our Tacoma',
  'office and be paid $24.00 per hour.',
];

/** A sidebar of contact details (small type) beside the body, lines at their own spacing. */
export const twoColumnPage: Draw = (doc) => {
  put(doc, 'Harborline Freight Co.', 40, 40, 20, 'Helvetica-Bold');
  ['CONTACT', 'Mira Castellanos', 'Talent Partner', 'mira@harborline.example', '(555) 013-2291'].forEach((t, i) => put(doc, t, 40, 100 + i * 11, 8.5));
  ['OFFICE', '88 Quay Street', 'Tacoma, WA 98402'].forEach((t, i) => put(doc, t, 40, 166 + i * 11, 8.5));
  put(doc, 'Dear Jonah Whitcombe,', 200, 103);
  BODY.forEach((t, i) => put(doc, t, 200, 132 + i * 14.5));
  put(doc, 'Sincerely,', 200, 205);
  put(doc, 'Mira Castellanos', 200, 234);
};

/** A key/value table drawn column by column: every label first, then every value. */
export const columnDrawnTable: Draw = (doc) => {
  put(doc, 'Terms of the offer:', 72, 100);
  const labels = ['Position', 'Start date', 'End date', 'Hours per week', 'Pay rate'];
  const values = ['Research Intern', 'June 7, 2027', 'August 27, 2027', '20', '$26.00 per hour'];
  labels.forEach((t, i) => put(doc, t, 80, 130 + i * 18, 10.5, 'Helvetica-Bold'));
  values.forEach((t, i) => put(doc, t, 230, 130 + i * 18, 10.5));
  put(doc, 'We look forward to working with you.', 72, 240);
};

/** Two label/value pairs on each row. */
export const fourColumnTable: Draw = (doc) => {
  put(doc, 'Summary of terms', 72, 100);
  const rows = [
    ['Start date', 'June 7, 2027', 'End date', 'Aug 20, 2027'],
    ['Hours', '20 per week', 'Pay', '$25.00 per hour'],
    ['Location', 'Remote', 'Supervisor', 'Ines Duarte'],
  ];
  rows.forEach((r, i) => r.forEach((t, c) => put(doc, t, [72, 160, 300, 380][c], 125 + i * 16, 10)));
  put(doc, 'Please reply by May 1, 2027.', 72, 190);
};

/** A letterhead in a large bold font over the body, and a footer line in small type at the bottom. */
export const letterheadPage: Draw = (doc) => {
  put(doc, 'Quillfeather Analytics', 72, 50, 22, 'Helvetica-Bold');
  put(doc, '41 Orchard Lane, Suite 5, Madison, WI 53703', 72, 78, 9);
  put(doc, 'March 3, 2027', 72, 130);
  put(doc, 'Dear Oren Vasquez,', 72, 160);
  put(doc, 'We are delighted to offer you a summer internship as a Data Analyst Intern.', 72, 180);
  put(doc, 'Quillfeather Analytics LLC · 41 Orchard Lane, Madison, WI 53703', 150, 750, 7.5);
};

/** Pages 2 and on of a letter: a running head and a page number, both in body-size type. */
export function continuationPage(number: number, lines: string[]): Draw {
  return (doc) => {
    put(doc, 'Offer letter for Oren Vasquez', 72, 40);
    lines.forEach((t, i) => put(doc, t, 72, 100 + i * 14));
    put(doc, `${number}`, 303, 740);
  };
}

/** Bulleted and numbered lists, the marker drawn apart from the text, one item wrapping onto a second line. */
export const listPage: Draw = (doc) => {
  put(doc, 'Your responsibilities will include:', 72, 100);
  const items = [['•', 'Build data pipelines in Python and SQL'], ['•', 'Write reproducible analysis notebooks for the']];
  items.forEach(([m, t], i) => {
    put(doc, m, 80, 120 + i * 14);
    put(doc, t, 98, 120 + i * 14);
  });
  put(doc, 'forecasting team', 98, 148);
  put(doc, '1.', 80, 172);
  put(doc, 'Sign this letter', 98, 172);
  put(doc, '2.', 80, 186);
  put(doc, 'Return it by May 1, 2027', 98, 186);
  put(doc, 'We look forward to working with you.', 72, 214);
};

/** Label/value lines set with a tab stop (no table), right under a paragraph and with a short line at the same spacing after them. */
export const tabStopTerms: Draw = (doc) => {
  put(doc, 'Dear Oren Vasquez,', 72, 80);
  put(doc, 'The terms are:', 72, 100);
  [['Start date:', 'June 7, 2027'], ['End date:', 'August 27, 2027'], ['Pay:', '$26.00 per hour']].forEach(([l, v], i) => {
    put(doc, l, 72, 114 + i * 14);
    put(doc, v, 180, 114 + i * 14);
  });
  put(doc, 'Please sign below.', 72, 156);
};

/** A letterhead in body-size type (its name bold) whose address runs on under the date block beside it, at the same spacing. */
export const sameSizeLetterhead: Draw = (doc) => {
  ['Brightwater Labs', '9 Ferry Road', 'Astoria, OR 97103', 'Tel (555) 014-7700'].forEach((t, i) => put(doc, t, 72, 50 + i * 13, 10, i === 0 ? 'Helvetica-Bold' : 'Helvetica'));
  ['March 3, 2027', 'Ref: BW-2027-114'].forEach((t, i) => put(doc, t, 440, 50 + i * 13, 10));
  put(doc, 'Dear Oren Vasquez,', 72, 130, 10);
  put(doc, 'We are delighted to offer you a summer internship as a Data Analyst Intern.', 72, 150, 10);
};
