import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrPoolService } from '../../../src/extract/ocr/createOcrService.js';
import { findNativeTesseract } from '../../../src/extract/ocr/nativeTesseract.js';
import { prepareImagePages } from '../../../src/extract/ocr/preparePages.js';
import type { OcrPageResult } from '../../../src/extract/ocrService.js';
import { recognizePage } from '../../../src/extract/ocr/recognizePage.js';
import { startTesseractWorker } from '../../../src/extract/ocr/startTesseractWorker.js';
import { WorkerPool } from '../../../src/extract/ocr/workerPool.js';
import { LETTER_LINES, letterImage } from './letterImage.js';

// Half a letter page at 150 dpi: every line of the test letter, a quarter of a full page's pixels.
const SMALL = { dpi: 150, heightInches: 5.5 } as const;
const settings = { OCR_WORKERS: 2, OCR_PAGE_TIMEOUT_MS: 30_000, MAX_IMAGE_PIXELS: 40_000_000, MAX_PAGES: 20 };

function expectLetterText(text: string) {
  expect(text).toContain('Brightwater Analytics Inc.');
  expect(text).toContain('40 hours per week');
  expect(text).toContain('June 2, 2025 to August 22, 2025');
  expect(text).toContain('$24.50 per hour');
}

/** What an image upload goes through: its pages prepared (in a reader child, in the service), then recognized. */
async function readImage(ocr: OcrPoolService, bytes: Buffer, mediaType: string): Promise<OcrPageResult[]> {
  const pages = await prepareImagePages(bytes, mediaType, { maxPixels: settings.MAX_IMAGE_PIXELS, maxPages: settings.MAX_PAGES });
  const documentKey = {};
  return Promise.all(pages.map((page) => ocr.recognize(page, { documentKey })));
}

// Both engines where this machine has native tesseract (`npm test` installs it), else tesseract.js alone.
const ENGINES = findNativeTesseract() ? (['native', 'wasm'] as const) : (['wasm'] as const);

describe.each(ENGINES)('createOcrService with the %s engine', (engine) => {
  let ocr: OcrPoolService;
  beforeAll(async () => {
    ocr = createOcrService({ ...settings, OCR_ENGINE: engine });
    await ocr.ready();
    expect((await ocr.engine()).name).toBe(engine);
  });
  afterAll(() => ocr.close());

  it('reads one page on both idle workers at once, as two halves, and puts the text back in order', async () => {
    let mostBusy = 0;
    const watch = setInterval(() => (mostBusy = Math.max(mostBusy, ocr.stats().busy)), 10);
    try {
      const [page] = await readImage(ocr, await letterImage({ dpi: 300 }), 'image/png');
      expectLetterText(page.text);
      expect(page.text.indexOf('Dear Priya Ramaswamy')).toBeLessThan(page.text.indexOf('$24.50 per hour'));
      expect(page.words.map((w) => w.text).join(' ')).toMatch(/Brightwater.*Ramaswamy.*Whitfield/);
      // The rows of both halves make one page: one page row, blocks numbered on, boxes in the whole page's pixels.
      expect(page.tsv.filter((r) => r.level === 1)).toEqual([expect.objectContaining({ width: 2550, height: 3300 })]);
      expect([page.width, page.height]).toEqual([2550, 3300]);
      const blocks = page.tsv.filter((r) => r.level === 2);
      expect(new Set(blocks.map((b) => b.block)).size).toBe(blocks.length);
      expect(blocks.map((b) => b.top)).toEqual([...blocks.map((b) => b.top)].sort((a, b) => a - b));
      // The signature line, in the lower half, is drawn with its baseline at y = 1575 (letterSvg).
      const signature = page.tsv.find((r) => r.level === 5 && r.text === 'Whitfield,');
      expect(signature?.top).toBeGreaterThan(1575 - 60);
      expect(signature!.top + signature!.height).toBeGreaterThan(1575 - 5);
    } finally {
      clearInterval(watch);
    }
    expect(mostBusy).toBe(2);
  });

  it('reads a photo of a letter to text with word confidences', async () => {
    const [page] = await readImage(ocr, await letterImage({ ...SMALL, format: 'jpeg' }), 'image/jpeg');
    expectLetterText(page.text);
    expect(page.confidence).toBeGreaterThan(0.85);
    expect(page.words.length).toBeGreaterThan(60);
    for (const word of page.words) {
      expect(word.confidence).toBeGreaterThanOrEqual(0);
      expect(word.confidence).toBeLessThanOrEqual(1);
    }
  });

  it.each([90, 180])('reads a page turned %i degrees (and a few more) the right way up', async (degrees) => {
    const turned = await sharp(await letterImage(SMALL)).rotate(degrees + 2, { background: '#fff' }).png().toBuffer();
    const [page] = await readImage(ocr, turned, 'image/png');
    expectLetterText(page.text);
  });

  it('reads every page of a multi-page TIFF (Deflate, which the engine cannot read itself), in order', async () => {
    const second = await letterImage({ ...SMALL, lines: ['Page two of the offer', 'Your supervisor is Dana Okafor.'] });
    const tiff = await sharp([await letterImage(SMALL), second], { join: { animated: true } }).tiff({ compression: 'deflate' }).toBuffer();
    const pages = await readImage(ocr, tiff, 'image/tiff');
    expect(pages).toHaveLength(2);
    expectLetterText(pages[0].text);
    expect(pages[1].text).toContain('Your supervisor is Dana Okafor.');
  });

  it.skipIf(!fs.existsSync('/usr/bin/heif-enc'))('reads an iPhone HEIC photo', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-heic-'));
    try {
      fs.writeFileSync(path.join(dir, 'page.png'), await letterImage(SMALL));
      execFileSync('/usr/bin/heif-enc', ['-q', '80', '-o', path.join(dir, 'page.heic'), path.join(dir, 'page.png')], { stdio: 'ignore' });
      const [page] = await readImage(ocr, fs.readFileSync(path.join(dir, 'page.heic')), 'image/heic');
      expectLetterText(page.text);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reuses its workers for every page of every request: none is started per request', async () => {
    const before = ocr.stats();
    const image = await letterImage({ ...SMALL, heightInches: 2.5 });
    const reads = await Promise.all([1, 2, 3, 4].map(() => readImage(ocr, image, 'image/png')));
    for (const [page] of reads) expect(page.text).toContain('Brightwater Analytics Inc.');
    expect(ocr.stats()).toMatchObject({ size: 2, workersStarted: before.workersStarted, workersReplaced: 0, queued: 0, busy: 0 });
    expect(before.workersStarted).toBe(2);
  });
});

describe('WorkerPool with tesseract workers', () => {
  it('replaces a worker whose page overruns the time limit, answers PROCESSING_TIMEOUT, and reads on', async () => {
    const pool = new WorkerPool<Worker>({ size: 1, pageTimeoutMs: 2000, startWorker: () => startTesseractWorker({ startTimeoutMs: 30_000, onError: () => undefined }) });
    try {
      await pool.ready();
      // A dense 300-dpi page (~90 lines) takes several seconds: well past 2 s.
      const denseLines = Array.from({ length: 6 }, () => LETTER_LINES).flat();
      const fullPage = await letterImage({ dpi: 300, lines: denseLines, fontSize: 7 });
      await expect(pool.run((worker) => recognizePage(worker, fullPage))).rejects.toMatchObject({ code: 'PROCESSING_TIMEOUT' });
      expect(pool.stats()).toMatchObject({ workersReplaced: 1 });
      const tiny = await sharp(await letterImage({ dpi: 100, lines: ['Hours per week: 40'], heightInches: 1.5, widthInches: 3 })).png().toBuffer();
      const page = await pool.run((worker) => recognizePage(worker, tiny));
      expect(page.text).toContain('Hours per week: 40');
      expect(pool.stats()).toMatchObject({ workersStarted: 2, workersReplaced: 1 });
    } finally {
      await pool.close();
    }
  });

  it('keeps a worker that was handed bytes it cannot read', async () => {
    const pool = new WorkerPool<Worker>({ size: 1, pageTimeoutMs: 30_000, startWorker: () => startTesseractWorker({ startTimeoutMs: 30_000, onError: () => undefined }) });
    try {
      await pool.ready();
      await expect(pool.run((worker) => recognizePage(worker, Buffer.from('definitely not an image')))).rejects.toBeTruthy();
      const tiny = await letterImage({ dpi: 100, lines: [LETTER_LINES[12]], heightInches: 1.5 });
      const page = await pool.run((worker) => recognizePage(worker, tiny));
      expect(page.text).toContain('40 hours per week');
      expect(pool.stats()).toMatchObject({ workersStarted: 1, workersReplaced: 0 });
    } finally {
      await pool.close();
    }
  });
});
