import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/extract/extractDocument.js';
import { ocrWordsOf, textSourceOf } from '../../../src/extract/extractedDocument.js';
import { createOcrService, type OcrPoolService } from '../../../src/extract/ocr/createOcrService.js';
import { ingestDocument } from '../../../src/ingest/ingestDocument.js';
import { LETTER_LINES, letterImage } from './letterImage.js';

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPages: 5, maxTextChars: 100_000, maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 };

type Page = { text?: string; scan?: Buffer };

/** A letter-size PDF: text pages carry a text layer, scanned pages only a picture (and maybe a typed header). */
function pdfOf(pages: Page[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'LETTER' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const page of pages) {
      doc.addPage({ margin: 0 });
      if (page.scan) doc.image(page.scan, 0, 0, { width: 612, height: 792 });
      if (page.text) doc.fontSize(11).text(page.text, 72, 40, { width: 468 });
    }
    doc.end();
  });
}

describe('scanned PDFs', () => {
  let ocr: OcrPoolService;
  beforeAll(async () => {
    ocr = createOcrService({ OCR_WORKERS: 2, OCR_PAGE_TIMEOUT_MS: 30_000, MAX_IMAGE_PIXELS: 40_000_000, MAX_PAGES: 5 });
    await ocr.ready();
  });
  afterAll(() => ocr.close());

  it('reads text pages from their layer and OCRs scanned pages, a typed header over a scan included: textSource mixed', async () => {
    const body = LETTER_LINES.slice(5);
    const scan = await letterImage({ dpi: 150, lines: body, format: 'jpeg' });
    const pdf = await pdfOf([
      { text: 'Brightwater Analytics Inc., 418 Larkspur Avenue, Denver, CO 80205. This page has its own text layer, long enough to be the letter.' },
      { scan },
      // A typed letterhead (above the 40-character floor) over a scanned body.
      { text: 'Brightwater Analytics Inc. - Human Resources', scan },
    ]);
    const doc = await extractDocument(ingestDocument(pdf, null, LIMITS), { limits: LIMITS, ocr });
    expect(doc.pages.map((p) => p.source)).toEqual(['text', 'ocr', 'ocr']);
    expect(textSourceOf(doc.pages)).toBe('mixed');
    for (const page of doc.pages.slice(1)) {
      expect(page.text).toContain('40 hours per week');
      expect(page.ocrConfidence).toBeGreaterThan(0.8);
      expect(ocrWordsOf(page).length).toBeGreaterThan(40);
    }
    expect(ocr.stats()).toMatchObject({ workersStarted: 2, queued: 0 });
  });

  it("keeps a short last page's own text layer ('Sincerely,' and the company) rather than OCR's reading of it", async () => {
    const pdf = await pdfOf([
      { text: 'Brightwater Analytics Inc., 418 Larkspur Avenue, Denver, CO 80205. This page has its own text layer, long enough to be the letter.' },
      { text: 'Sincerely,\nBrightwater Inc.' },
    ]);
    const doc = await extractDocument(ingestDocument(pdf, null, LIMITS), { limits: LIMITS, ocr });
    expect(doc.pages.map((p) => p.source)).toEqual(['text', 'text']);
    expect(doc.pages[1].text).toContain('Sincerely,');
  });
});
