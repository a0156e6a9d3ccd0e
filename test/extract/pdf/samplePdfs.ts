import PDFDocument from 'pdfkit';
import type { LetterPage } from '../../../src/document/letterDocument.js';
import { readDocumentLayers } from '../../../src/extract/isolation/readDocumentLayers.js';

// Every person, company and address below is invented.

/** A PDF drawn with pdfkit: `draw` places text where a test needs it (points, origin top left). */
export function drawPdf(draw: (doc: PDFKit.PDFDocument) => void, pages = 1): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let p = 0; p < pages; p++) {
      doc.addPage();
      if (p === 0) draw(doc);
    }
    doc.end();
  });
}

/** Text at a place, one line, in a font and size. */
export function put(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size = 11, font = 'Helvetica'): void {
  doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false });
}

const LIMITS = { maxBytes: 10_000_000, maxPages: 20, maxTextChars: 200_000, maxEntries: 1000, maxUncompressedBytes: 100_000_000, maxRatio: 100, maxImagePixels: 40_000_000, maxPdfDecodedBytes: 512 * 1024 * 1024 };

/** The pages the reader builds from a PDF, as the service reads it (no OCR). */
export async function readPdfPages(bytes: Uint8Array): Promise<LetterPage[]> {
  const read = await readDocumentLayers({ kind: 'pdf', mediaType: 'application/pdf', bytes: new Uint8Array(bytes), limits: LIMITS, renderScannedPages: false });
  return read.pages.map((p) => p.page);
}

/** A block's text, or each cell's text for a table. */
export function blockTexts(page: LetterPage): (string | string[][])[] {
  const at = (s: { start: number; end: number }) => page.text.slice(s.start, s.end);
  return page.blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => at(c.span))) : b.kind === 'picture' ? '[picture]' : at(b.span)));
}
