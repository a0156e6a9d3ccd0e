import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/extract/extractDocument.js';
import { createOcrService, type OcrPoolService } from '../../../src/extract/ocr/createOcrService.js';
import { extractSignature } from '../../../src/fields/signature.js';
import { ingestDocument } from '../../../src/ingest/ingestDocument.js';

// Scans of wild letters (fixtures/wild/ocr), read as the service reads them: what OCR leaves
// unread (a drawn signature, a line to sign on) comes back as the page's pictures and rules.
const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPages: 5, maxTextChars: 100_000, maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 };
const fixture = (name: string) => fs.readFileSync(new URL(`../../../fixtures/${name.includes('/') ? name : `wild/ocr/${name}`}`, import.meta.url));

describe('OCR pages laid out from where their words and ink stand', () => {
  let ocr: OcrPoolService;
  beforeAll(async () => {
    ocr = createOcrService({ OCR_WORKERS: 1, OCR_PAGE_TIMEOUT_MS: 60_000, MAX_IMAGE_PIXELS: 40_000_000, MAX_PAGES: 5 });
    await ocr.ready();
  });
  afterAll(() => ocr.close());
  const read = async (name: string) => {
    const doc = await extractDocument(ingestDocument(fixture(name), null, LIMITS), { limits: LIMITS, ocr });
    return { pages: doc.pages, email: null };
  };

  it('reads a scanned label/value table as rows of a label and its value', async () => {
    const letter = await read('ocr/tiff-2page-13.tif');
    const page = letter.pages[0];
    const table = page.blocks.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    const rows = table.rows.map((r) => r.cells.map((c) => page.text.slice(c.span.start, c.span.end).split('\n')[0]));
    expect(rows).toContainEqual(['Start date', '01/11/2027']);
    expect(rows).toContainEqual(['End date', '07/09/2027']);
    expect(rows[0]).toEqual(['Position', 'Digital Marketing Intern']);
  });

  it('finds a signature drawn under "Yours truly," over "Authorized Signatory" as a picture there', async () => {
    const letter = await read('scan-frappe-job-offer-02.png');
    const page = letter.pages[0];
    const kinds = page.blocks.map((b) => (b.kind === 'picture' ? 'picture' : page.text.slice(b.span.start, b.span.end).split('\n')[0]));
    const closing = kinds.indexOf('Yours truly,');
    expect(kinds.slice(closing, closing + 3)).toEqual(['Yours truly,', 'picture', 'Authorized Signatory']);
    expect(extractSignature(letter)).toMatchObject({ status: 'present', value: { kind: 'image', signer: null } });
  });

  it('reads the line to sign on over a typed name, which OCR gives no text for, as the PDF gives it', async () => {
    const letter = await read('scan-glyph-letter-10.tif');
    const page = letter.pages[1];
    expect(page.text).toMatch(/\n_{6,}\nGordon MacAllister\nTalent Acquisition Manager/);
    expect(extractSignature(letter)).toMatchObject({ status: 'present', value: { kind: 'typed', signer: 'Gordon MacAllister' } });
  });
});
