import { readdirSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countPdfImages } from '../../src/extract/countPdfImages.js';
import { PDFParse } from '../../src/extract/pdfParse.js';
import { rawPdf } from '../ingest/samples.js';

const IMAGE_OPS = new Set([83, 85, 86]);

interface PdfJsDocument {
  getPage(n: number): Promise<{ ref: { num: number } | null; getOperatorList(): Promise<{ fnArray: number[] }> }>;
}

/** pdf.js's count, page by page, with each page's object number: what countPdfImages stands in for. */
async function pdfJsImageCounts(bytes: Buffer): Promise<{ ref: number; count: number }[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  try {
    const { pages } = await parser.getText();
    const doc = (parser as unknown as { doc: PdfJsDocument }).doc;
    const counts: { ref: number; count: number }[] = [];
    for (const page of pages) {
      const proxy = await doc.getPage(page.num);
      const ops = await proxy.getOperatorList();
      counts.push({ ref: proxy.ref?.num ?? -1, count: ops.fnArray.filter((op) => IMAGE_OPS.has(op)).length });
    }
    return counts;
  } finally {
    await parser.destroy();
  }
}

/** One page drawing what `content` says, with a 2x2 grey image XObject /Im1 (and its soft mask) in its resources. */
function pageWith(content: string, { filter = '/FlateDecode' } = {}): Buffer {
  const data = filter === '/FlateDecode' ? deflateSync(Buffer.from(content, 'latin1')).toString('latin1') : content;
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${data.length}${filter ? ` /Filter ${filter}` : ''} >>\nstream\n${data}\nendstream`,
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /SMask 6 0 R /Length 4 >>\nstream\n\x00\x80\x80\xff\nendstream',
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\xff\xff\xff\xff\nendstream',
  ]);
}

describe('countPdfImages', () => {
  it('agrees with pdf.js on every fixture PDF, page by page', async () => {
    const files = ['fixtures/text', 'fixtures/ocr'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => `${dir}/${f}`));
    expect(files.length).toBeGreaterThan(20);
    let pagesCounted = 0;
    let pages = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const expected = await pdfJsImageCounts(bytes);
      const counts = countPdfImages(bytes);
      expect({ file, total: counts?.total }).toEqual({ file, total: expected.reduce((n, p) => n + p.count, 0) });
      for (const page of expected) {
        pages += 1;
        const counted = counts!.onPage(page.ref);
        if (counted !== null) pagesCounted += 1;
        expect({ file, page: page.ref, count: counted ?? page.count }).toEqual({ file, page: page.ref, count: page.count });
        // Each picture pdf.js paints is placed too.
        expect({ file, page: page.ref, placed: counts!.placementsOnPage(page.ref)?.length }).toEqual({ file, page: page.ref, placed: page.count });
      }
    }
    // Every fixture page is simple enough to be followed without pdf.js.
    expect(pagesCounted).toBe(pages);
  });

  it('counts a picture once and not its soft mask, and each time a page draws it', () => {
    const counts = countPdfImages(pageWith('q 100 0 0 50 72 700 cm /Im1 Do Q q 50 0 0 25 72 600 cm /Im1 Do Q'));
    expect(counts?.total).toBe(1);
    expect(counts?.onPage(3)).toBe(2);
    expect(countPdfImages(pageWith('BT (no pictures) Tj ET'))?.onPage(3)).toBe(0);
    expect(countPdfImages(pageWith('q 100 0 0 50 72 700 cm /Im1 Do Q q 50 0 0 25 72 600 cm /Im1 Do Q'))?.placementsOnPage(3)).toEqual([
      { x0: 72, y0: 700, x1: 172, y1: 750 },
      { x0: 72, y0: 600, x1: 122, y1: 625 },
    ]);
  });

  it('gives the largest picture a page draws by its declared size, and the largest in the file', () => {
    const counts = countPdfImages(pageWith('/Im1 Do'));
    expect(counts?.largestOnPage(3)).toEqual({ width: 2, height: 2 });
    expect(counts?.largest).toEqual({ width: 2, height: 2 });
    const big = Buffer.from(pageWith('BT (no pictures) Tj ET').toString('latin1').replace('/Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /SMask', '/Width 8000 /Height 9000 /ColorSpace /DeviceGray /BitsPerComponent 8 /SMask'), 'latin1');
    expect(countPdfImages(big)?.largestOnPage(3)).toBeNull(); // the page does not draw it
    expect(countPdfImages(big)?.largest).toEqual({ width: 8000, height: 9000 });
    expect(countPdfImages(pageWith('/Unknown Do'))?.largestOnPage(3)).toBeUndefined();
  });

  it('counts inline images in the page content', () => {
    const inline = 'q 10 0 0 10 72 600 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q';
    expect(countPdfImages(pageWith(`${inline}\n${inline}`))).toMatchObject({ total: 1 + 2 });
    expect(countPdfImages(pageWith(`${inline}\n${inline}`))?.onPage(3)).toBe(2);
    expect(countPdfImages(pageWith(inline, { filter: '' }))).toMatchObject({ total: 1 + 1 });
  });

  it('leaves a page to pdf.js when it draws a name its resources lack, or has annotations with appearances', () => {
    expect(countPdfImages(pageWith('/Unknown Do'))?.onPage(3)).toBeNull();
    const stamped = Buffer.from(pageWith('/Im1 Do').toString('latin1').replace('/Contents 4 0 R', '/Contents 4 0 R /Annots [7 0 R]').replace('trailer', '7 0 obj\n<< /Type /Annot /Subtype /Stamp /AP << /N 6 0 R >> >>\nendobj\ntrailer'), 'latin1');
    expect(countPdfImages(stamped)?.onPage(3)).toBeNull();
  });

  it('leaves the count unknown where the file leaves doubt', () => {
    expect(countPdfImages(pageWith('/Im1 Do', { filter: '/LZWDecode' }))).toBeNull();
    const encrypted = Buffer.from(pageWith('/Im1 Do').toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 9 0 R'), 'latin1');
    expect(countPdfImages(encrypted)).toBeNull();
    const damaged = Buffer.from(pageWith('/Im1 Do').toString('latin1').replace(/(4 0 obj\n<< \/Length \d+ \/Filter \/FlateDecode >>\nstream\n)../, '$1zz'), 'latin1');
    expect(countPdfImages(damaged)).toBeNull();
  });
});

describe('countPdfImages on hostile files', () => {
  it('gives up quickly on a file of many streams or many inline-image marks', () => {
    const manyStreams = rawPdf(Array.from({ length: 5000 }, () => '<< /Length 1 >>\nstream\nx\nendstream'));
    const manyMarks = pageWith('BI /W 1 '.repeat(200_000));
    expect(countPdfImages(manyStreams)).toBeNull();
    expect(countPdfImages(manyMarks)).toBeNull();
  });
});
