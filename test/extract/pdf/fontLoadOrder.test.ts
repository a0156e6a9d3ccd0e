import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countPdfImages } from '../../../src/extract/countPdfImages.js';
import { weightsByPdfJsName } from '../../../src/extract/pdf/fontLoadOrder.js';
import { PDFParse } from '../../../src/extract/pdfParse.js';
import { drawPdf, put } from './samplePdfs.js';

interface PdfJsPage {
  ref: { num: number } | null;
  getTextContent(): Promise<{ styles: Record<string, unknown> }>;
  getOperatorList(): Promise<unknown>;
  commonObjs: { get(name: string): { name: string } };
}

/** pdf.js's own answer, page by page in reading order: each font name of the text, with the font's real name (from the operator list, which sends fonts). */
async function pdfJsFonts(bytes: Uint8Array): Promise<{ refs: number[]; names: Map<string, string> }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  try {
    const { total } = await parser.getText({ partial: [0] });
    const doc = (parser as unknown as { doc: { getPage(n: number): Promise<PdfJsPage> } }).doc;
    const pages: PdfJsPage[] = [];
    const used: string[][] = [];
    for (let n = 1; n <= total; n++) {
      const page = await doc.getPage(n);
      used.push(Object.keys((await page.getTextContent()).styles));
      pages.push(page);
    }
    const names = new Map<string, string>();
    for (const [i, page] of pages.entries()) {
      await page.getOperatorList();
      for (const font of used[i]) names.set(font, page.commonObjs.get(font).name.replace(/^[A-Z]{6}\+/, ''));
    }
    return { refs: pages.map((p) => p.ref!.num), names };
  } finally {
    await parser.destroy();
  }
}

describe('fontLoadOrder', () => {
  it('names the same font as pdf.js for every font of every fixture PDF with a text layer', async () => {
    const files = ['fixtures/text', 'fixtures/ocr'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => `${dir}/${f}`));
    let named = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const truth = await pdfJsFonts(bytes);
      const fonts = countPdfImages(bytes)?.fontsInLoadOrder(truth.refs) ?? null;
      if (truth.names.size === 0) continue;
      expect({ file, found: fonts !== null }).toEqual({ file, found: true });
      for (const [pdfJsName, realName] of truth.names) {
        expect({ file, pdfJsName, name: fonts![Number(/_f(\d+)$/.exec(pdfJsName)![1]) - 1]?.name }).toEqual({ file, pdfJsName, name: realName });
        named += 1;
      }
    }
    expect(named).toBeGreaterThan(40);
  });

  it('tells bold from regular by the font name, in the order the text uses them', async () => {
    const bytes = await drawPdf((doc) => {
      put(doc, 'Regular first', 72, 72, 11, 'Times-Roman');
      put(doc, 'Then bold', 72, 100, 11, 'Helvetica-Bold');
      put(doc, 'Then oblique', 72, 128, 11, 'Helvetica-Oblique');
    });
    const truth = await pdfJsFonts(bytes);
    const weights = weightsByPdfJsName(countPdfImages(bytes)!.fontsInLoadOrder(truth.refs), truth.names.keys());
    expect(Object.fromEntries([...truth.names].map(([pdfJsName, real]) => [real, weights![pdfJsName]]))).toEqual({ 'Times-Roman': false, 'Helvetica-Bold': true, 'Helvetica-Oblique': false });
  });

  it('gives up when a font name is past the fonts it found', () => {
    expect(weightsByPdfJsName([{ name: 'Arial', bold: false }], ['g_d0_f1', 'g_d0_f2'])).toBeNull();
    expect(weightsByPdfJsName(null, ['g_d0_f1'])).toBeNull();
  });
});
