import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LetterPage, Line, Region } from '../../../src/document/letterDocument.js';
import { extractDocument } from '../../../src/extract/extractDocument.js';
import { createOcrService, type OcrPoolService } from '../../../src/extract/ocr/createOcrService.js';
import { ingestDocument } from '../../../src/ingest/ingestDocument.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// A clean scan of a fixture letter: a letterhead in large type over its address line, a footer in small type.
const FIXTURE = fs.readFileSync(path.resolve(here, '../../../fixtures/ocr/png-clean-01.png'));
const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPages: 5, maxTextChars: 100_000, maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 };
// Debian's tesseract: `npm test` installs it (scripts/ensure-test-tools.sh), so both engines run wherever the tests do.
const HAS_NATIVE = fs.existsSync('/usr/bin/tesseract');

type PlacedLine = Line & { region: Region; text: string };

function linesOf(page: LetterPage): PlacedLine[] {
  return page.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'item' ? b.lines.map((l) => ({ ...l, region: b.region, text: page.text.slice(l.span.start, l.span.end) })) : []));
}

/** The fixture as the extract stage gives it, read by one engine with one worker (a page read whole, never in two bands). */
async function readWith(engine: 'native' | 'wasm'): Promise<LetterPage> {
  const ocr: OcrPoolService = createOcrService({ OCR_WORKERS: 1, OCR_PAGE_TIMEOUT_MS: 60_000, MAX_IMAGE_PIXELS: 40_000_000, MAX_PAGES: 5, OCR_ENGINE: engine });
  try {
    await ocr.ready();
    expect((await ocr.engine()).name).toBe(engine);
    const doc = await extractDocument(ingestDocument(FIXTURE, null, LIMITS), { limits: LIMITS, ocr });
    expect(doc.pages).toHaveLength(1);
    return doc.pages[0];
  } finally {
    await ocr.close();
  }
}

function expectStructuredPage(page: LetterPage) {
  const lines = linesOf(page);
  expect(page.source).toBe('ocr');
  // Every line and word has its box on the page, every word its confidence, every span its text.
  expect(lines.length).toBeGreaterThan(25);
  for (const line of lines) {
    expect(line.box).not.toBeNull();
    expect(line.words?.length).toBeGreaterThan(0);
    for (const word of line.words!) {
      expect(word.box).not.toBeNull();
      expect(word.confidence).toBeGreaterThanOrEqual(0);
      expect(line.text).toContain(page.text.slice(word.span.start, word.span.end));
    }
  }
  // Lines go down the page in reading order.
  const tops = lines.map((l) => l.box!.y);
  expect(tops.filter((y, i) => i > 0 && y < tops[i - 1] - 0.01)).toEqual([]);
  // The letterhead, in large type at the top, is the page's header; the body's lines are not.
  const header = lines.filter((l) => l.region === 'header');
  expect(header.map((l) => l.text)).toContain('Meridian Loop Networks');
  expect(header.every((l) => l.box!.y < 0.25)).toBe(true);
  const name = header.find((l) => l.text === 'Meridian Loop Networks')!;
  const body = lines.filter((l) => l.region === 'body');
  const bodySize = body.map((l) => l.fontSize!).sort((a, b) => a - b)[body.length >> 1];
  expect(name.fontSize).toBeGreaterThan(1.4 * bodySize);
  expect(body.map((l) => l.text)).toEqual(expect.arrayContaining(['Dear Mateus,', 'Sincerely,', 'Benjamin Adler']));
  // The registered-office line in small type at the foot of the page is its footer.
  expect(lines.filter((l) => l.region === 'footer').map((l) => l.text).join(' ')).toMatch(/Registered office/);
}

const pages: Partial<Record<'native' | 'wasm', LetterPage>> = {};

describe('OCR pages from tesseract rows, fixtures/ocr/png-clean-01.png', () => {
  beforeAll(async () => {
    pages.wasm = await readWith('wasm');
    if (HAS_NATIVE) pages.native = await readWith('native');
  }, 180_000);

  it('tesseract.js: lines and words with boxes and confidences, the letterhead as header', () => {
    expectStructuredPage(pages.wasm!);
  });

  it.runIf(HAS_NATIVE)('native tesseract: lines and words with boxes and confidences, the letterhead as header', () => {
    expectStructuredPage(pages.native!);
  });

  it.runIf(HAS_NATIVE)('native tesseract and tesseract.js read the same words, with the same regions', () => {
    const wordsOf = (page: LetterPage) => linesOf(page).flatMap((l) => l.words!.map((w) => page.text.slice(w.span.start, w.span.end)));
    const native = wordsOf(pages.native!);
    const wasm = wordsOf(pages.wasm!);
    const left = new Map<string, number>();
    for (const w of wasm) left.set(w, (left.get(w) ?? 0) + 1);
    let shared = 0;
    for (const w of native) {
      const n = left.get(w) ?? 0;
      if (n > 0) {
        shared += 1;
        left.set(w, n - 1);
      }
    }
    expect(shared / Math.max(native.length, wasm.length)).toBeGreaterThanOrEqual(0.95);
    const regions = (page: LetterPage) => linesOf(page).filter((l) => l.region !== 'body').map((l) => `${l.region}: ${l.text}`);
    expect(regions(pages.native!)).toEqual(regions(pages.wasm!));
  });
});
