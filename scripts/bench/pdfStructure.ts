// What the structured document costs a PDF page, in process: pdf.js's text items (the floor every
// reading pays), then each step this repository adds on them: the layout (lines, segments, tables,
// columns, paragraphs), the pages written through the PageBuilder with regions, the fonts' weights
// and the pictures' places read from the file.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { countPdfImages } from '../../src/extract/countPdfImages.js';
import { letterPagesFromPdf } from '../../src/extract/pdf/letterPagesFromPdf.js';
import { layoutPdfPage, viewportRects } from '../../src/extract/pdf/pdfPageLayout.js';
import type { PdfTextContent, PdfViewport } from '../../src/extract/pdf/textRuns.js';
import { PDFParse } from '../../src/extract/pdfParse.js';
import { percentile } from './textFormats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const FILES = ['fixtures/text/pdfkit-classic-01.pdf', 'fixtures/text/chromium-table-04.pdf'];

interface Page {
  ref: { num: number } | null;
  getTextContent(): Promise<PdfTextContent>;
  getViewport(o: { scale: number }): PdfViewport;
  cleanup(): void;
}

export async function benchPdfStructure(): Promise<void> {
  console.log(`per page, in process, median of ${ROUNDS} rounds (ms)`);
  console.log('file                      pages  text items  layout  pages+regions  fonts  pictures');
  for (const file of FILES) {
    const bytes = readFileSync(`${ROOT}/${file}`);
    const times: Record<string, number[]> = { items: [], layout: [], build: [], fonts: [], pictures: [] };
    let pageCount = 0;
    for (let round = 0; round < ROUNDS + 10; round++) {
      const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
      const { total } = await parser.getText({ partial: [0] });
      const doc = (parser as unknown as { doc: { getPage(n: number): Promise<Page> } }).doc;
      const lap: Record<string, number> = { items: 0, layout: 0, build: 0, fonts: 0, pictures: 0 };
      const inFile = countPdfImages(bytes);
      const layouts = [];
      const refs: number[] = [];
      for (let n = 1; n <= total; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        let at = performance.now();
        const content = await page.getTextContent();
        lap.items += performance.now() - at;
        at = performance.now();
        const pictures = page.ref && inFile?.onPage(page.ref.num) ? viewportRects(inFile.placementsOnPage(page.ref.num) ?? [], viewport) : [];
        lap.pictures += performance.now() - at;
        at = performance.now();
        layouts.push(layoutPdfPage(content, viewport, pictures));
        lap.layout += performance.now() - at;
        if (page.ref) refs.push(page.ref.num);
        page.cleanup();
      }
      let at = performance.now();
      inFile?.fontsInLoadOrder(refs);
      lap.fonts += performance.now() - at;
      at = performance.now();
      letterPagesFromPdf(layouts, { firstNumber: 1, part: { kind: 'body', fileName: null }, imageCounts: layouts.map(() => 0) });
      lap.build += performance.now() - at;
      await parser.destroy();
      pageCount = total;
      if (round >= 10) for (const k of Object.keys(times)) times[k].push(lap[k] / total);
    }
    const p50 = (k: string) => percentile([...times[k]].sort((a, b) => a - b), 50).toFixed(2).padStart(6);
    console.log(`${file.split('/').pop()!.padEnd(26)}${String(pageCount).padStart(5)}  ${p50('items').padStart(10)}  ${p50('layout')}  ${p50('build').padStart(13)}  ${p50('fonts')}  ${p50('pictures').padStart(8)}`);
  }
}
