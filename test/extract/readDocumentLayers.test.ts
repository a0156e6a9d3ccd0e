import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readDocumentLayers } from '../../src/extract/readDocumentLayers.js';
import type { ReadTask } from '../../src/extract/readTask.js';
import { LETTER, pdfWithPicture } from '../ingest/samples.js';

const LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 5,
  maxTextChars: 100_000,
  maxEntries: 100,
  maxUncompressedBytes: 16 * 1024 * 1024,
  maxRatio: 200,
  maxImagePixels: 40_000_000,
  maxPdfDecodedBytes: 512 * 1024 * 1024,
};

const task = (bytes: Buffer, renderScannedPages: boolean): ReadTask => ({ kind: 'pdf', mediaType: 'application/pdf', bytes, limits: LIMITS, renderScannedPages });

describe('readDocumentLayers: a PDF page that is one oversized picture', () => {
  it('refuses a page that is a 64-megapixel picture with IMAGE_TOO_LARGE naming the page, instead of rendering it blank', async () => {
    const bytes = pdfWithPicture(8000, 8000);
    expect(bytes.length).toBeLessThan(64 * 1024); // a highly compressible page: small to send, huge to decode
    for (const renderScannedPages of [true, false]) {
      await expect(readDocumentLayers(task(bytes, renderScannedPages))).rejects.toMatchObject({
        code: 'IMAGE_TOO_LARGE',
        message: expect.stringMatching(/^Page 1 of the PDF is a picture of 8000 x 8000 pixels; at most 40 megapixels/),
      });
    }
  });

  it('still renders an ordinary 300-dpi scanned page for OCR', async () => {
    const read = await readDocumentLayers(task(pdfWithPicture(2550, 3300), true));
    const scan = read.pages[0].scan;
    expect(scan).not.toBeNull();
    // The picture was drawn: the rendered page has the black bars of its text lines.
    const { data } = await sharp(scan!.png).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(data.filter((v) => v < 64).length).toBeGreaterThan(10_000);
  });

  it('reads the text layer of a page whose oversized picture is only a background', async () => {
    const read = await readDocumentLayers(task(pdfWithPicture(8000, 8000, LETTER), true));
    expect(read.pages[0].page.text).toContain('Data Science Intern');
    expect(read.pages[0].scan).toBeNull();
  });
});
