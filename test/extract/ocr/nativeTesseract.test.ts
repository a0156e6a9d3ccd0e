import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOcrEngine, OcrEngineUnavailableError } from '../../../src/extract/ocr/chooseOcrEngine.js';
import { nativeModelDir } from '../../../src/extract/ocr/nativeModelDir.js';
import { findNativeTesseract, NativeTesseractWorker } from '../../../src/extract/ocr/nativeTesseract.js';
import type { OcrEngineWorker } from '../../../src/extract/ocr/ocrEngine.js';
import { prepareImagePages } from '../../../src/extract/ocr/preparePages.js';
import { WorkerPool } from '../../../src/extract/ocr/workerPool.js';
import { LETTER_LINES, letterImage } from './letterImage.js';

// `npm test` installs Debian's tesseract-ocr (scripts/ensure-test-tools.sh); without it these are skipped.
const tesseract = findNativeTesseract();

/** Our own tesseract child processes that are still alive (from /proc: parent pid and command name). */
function ourTesseracts(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').trim();
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/.exec(stat) ?? [];
      const [state, ppid] = (rest ?? '').split(' ');
      if (comm === 'tesseract' && Number(ppid) === process.pid && state !== 'Z') pids.push(Number(entry));
    } catch {
      // It ended while we looked.
    }
  }
  return pids;
}

async function fixturePage(file: string): Promise<Buffer> {
  const type = file.endsWith('.png') ? 'image/png' : file.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
  const [page] = await prepareImagePages(fs.readFileSync(new URL(`../../../fixtures/ocr/${file}`, import.meta.url)), type, { maxPixels: 40_000_000, maxPages: 1 });
  return page.png;
}

describe.skipIf(!tesseract)('native tesseract worker', () => {
  let modelDir: string;
  beforeAll(() => {
    modelDir = nativeModelDir();
  });

  const worker = (memoryLimitBytes = 512 * 1024 * 1024) => new NativeTesseractWorker({ binary: tesseract!.path, modelDir, memoryLimitBytes });

  it('keeps its next process started and waiting, as tesseract itself with none of the service environment, and ends it with the worker', async () => {
    process.env.OFFERCHECK_TEST_SECRET = 'api-key-that-must-not-leak';
    const before = ourTesseracts();
    const native = worker();
    try {
      // Spawned directly (its parent is this process: no shell between), before any page arrives.
      await expect.poll(() => ourTesseracts().filter((pid) => !before.includes(pid)).length).toBe(1);
      const [standby] = ourTesseracts().filter((pid) => !before.includes(pid));
      const environ = fs.readFileSync(`/proc/${standby}/environ`, 'utf8').split('\0');
      expect(environ).toContain('OMP_THREAD_LIMIT=1');
      expect(environ.some((v) => v.includes('api-key-that-must-not-leak'))).toBe(false);
      expect(fs.readlinkSync(`/proc/${standby}/cwd`)).toBe(modelDir);
      const page = await native.recognize(await letterImage({ dpi: 150, heightInches: 5.5 }));
      expect(page.text).toContain('40 hours per week');
      expect(ourTesseracts()).not.toContain(standby);
    } finally {
      delete process.env.OFFERCHECK_TEST_SECRET;
      await native.terminate();
    }
    expect(ourTesseracts().filter((pid) => !before.includes(pid))).toEqual([]);
  });

  it('answers bytes that are no image with DOCUMENT_UNREADABLE (the fault of the upload, not reported as an engine failure), and reads on', async () => {
    const failures: unknown[] = [];
    const native = new NativeTesseractWorker({ binary: tesseract!.path, modelDir, memoryLimitBytes: 512 * 1024 * 1024, onFailure: (f) => failures.push(f) });
    try {
      await expect(native.recognize(Buffer.from('definitely not an image'))).rejects.toMatchObject({ code: 'DOCUMENT_UNREADABLE' });
      expect(failures).toEqual([]);
      const page = await native.recognize(await letterImage({ dpi: 100, lines: [LETTER_LINES[12]], heightInches: 1.5 }));
      expect(page.text).toContain('40 hours per week');
    } finally {
      await native.terminate();
    }
  });

  it('kills a page whose process grows past the memory limit (DOCUMENT_TOO_COMPLEX), and reads on', async () => {
    // The model alone takes ~38 MB; a full 300-dpi page ~70 MB.
    const failures: string[] = [];
    const native = new NativeTesseractWorker({ binary: tesseract!.path, modelDir, memoryLimitBytes: 48 * 1024 * 1024, onFailure: (f) => failures.push(f.reason) });
    try {
      const dense = await letterImage({ dpi: 300, lines: Array.from({ length: 6 }, () => LETTER_LINES).flat(), fontSize: 7 });
      await expect(native.recognize(dense)).rejects.toMatchObject({ code: 'DOCUMENT_TOO_COMPLEX' });
      expect(failures).toEqual(['memory']);
      const page = await native.recognize(await letterImage({ dpi: 100, lines: [LETTER_LINES[12]], heightInches: 1.5, widthInches: 4 }));
      expect(page.text).toContain('40 hours per week');
    } finally {
      await native.terminate();
    }
  });

  it('in the pool, a page past its deadline has its process killed (PROCESSING_TIMEOUT) and a fresh worker takes the slot', async () => {
    const before = ourTesseracts();
    // A dense page (~90 lines of 7-point type at 300 dpi) takes native tesseract several seconds.
    const pool = new WorkerPool<OcrEngineWorker>({ size: 1, pageTimeoutMs: 1000, startWorker: async () => worker() });
    try {
      await pool.ready();
      await expect.poll(() => ourTesseracts().filter((pid) => !before.includes(pid)).length).toBe(1);
      const [reading] = ourTesseracts().filter((pid) => !before.includes(pid));
      const dense = await letterImage({ dpi: 300, lines: Array.from({ length: 6 }, () => LETTER_LINES).flat(), fontSize: 7 });
      await expect(pool.run((w) => w.recognize(dense))).rejects.toMatchObject({ code: 'PROCESSING_TIMEOUT' });
      // The process reading the page is killed; the new worker has its own process waiting.
      await expect.poll(() => ourTesseracts().includes(reading)).toBe(false);
      await expect.poll(() => ourTesseracts().filter((pid) => !before.includes(pid)).length).toBe(1);
      expect(pool.stats()).toMatchObject({ workersStarted: 2, workersReplaced: 1 });
    } finally {
      await pool.close();
    }
    expect(ourTesseracts().filter((pid) => !before.includes(pid))).toEqual([]);
  });
});

/**
 * The two engines are different builds of tesseract (Debian's 5.3.0; tesseract.js-core's 5.1
 * development build), given the same model file and settings. On clean pages they read the same
 * words in the same boxes; where they differ, it is on marks that are not print (a drawn signature,
 * a speck) or a low-confidence word of a fax.
 */
describe.skipIf(!tesseract)('native and wasm engines on the same pages', () => {
  let native: OcrEngineWorker;
  let wasm: OcrEngineWorker;
  beforeAll(async () => {
    [native, wasm] = await Promise.all([
      chooseOcrEngine({ setting: 'native', memoryLimitMb: 512 }).then((e) => e.startWorker()),
      chooseOcrEngine({ setting: 'wasm', memoryLimitMb: 512 }).then((e) => e.startWorker()),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([native?.terminate(), wasm?.terminate()]);
  });

  async function readBoth(png: Buffer) {
    const [n, w] = await Promise.all([native.recognize(png), wasm.recognize(png)]);
    return { n, w, nWords: n.tsv.filter((r) => r.level === 5), wWords: w.tsv.filter((r) => r.level === 5) };
  }

  it.each(['png-clean-03.png', 'webp-15.webp'])('%s: the same text, the same rows, boxes within 2 px, confidences close', async (file) => {
    const { n, w, nWords, wWords } = await readBoth(await fixturePage(file));
    expect(n.text).toBe(w.text);
    expect(n.text.length).toBeGreaterThan(1000);
    expect([n.width, n.height]).toEqual([w.width, w.height]);
    expect(n.tsv.map((r) => [r.level, r.block, r.paragraph, r.line, r.word, r.text])).toEqual(w.tsv.map((r) => [r.level, r.block, r.paragraph, r.line, r.word, r.text]));
    for (const [i, a] of wWords.entries()) {
      const b = nWords[i];
      expect(Math.max(Math.abs(a.left - b.left), Math.abs(a.top - b.top), Math.abs(a.width - b.width), Math.abs(a.height - b.height))).toBeLessThanOrEqual(2);
    }
    const confDiff = wWords.map((a, i) => Math.abs(a.conf - nWords[i].conf));
    expect(confDiff.reduce((s, d) => s + d, 0) / confDiff.length).toBeLessThan(1);
    expect(Math.abs(n.confidence - w.confidence)).toBeLessThan(0.01);
  }, 60_000);

  it.each(['jpeg-photo-11.jpg', 'png-fax-04.png'])('%s (a photo, a fax): at least 95 words in 100 the same, in boxes within 2 px', async (file) => {
    const { nWords, wWords } = await readBoth(await fixturePage(file));
    const pairs = commonWords(
      wWords.map((r) => r.text),
      nWords.map((r) => r.text),
    );
    expect(pairs.length / Math.max(wWords.length, nWords.length)).toBeGreaterThanOrEqual(0.95);
    const close = pairs.filter(([i, j]) => {
      const [a, b] = [wWords[i], nWords[j]];
      return Math.max(Math.abs(a.left - b.left), Math.abs(a.top - b.top), Math.abs(a.width - b.width), Math.abs(a.height - b.height)) <= 2;
    });
    expect(close.length / pairs.length).toBeGreaterThanOrEqual(0.97);
  }, 60_000);
});

/** Index pairs of the longest common run of words of two readings, in order. */
function commonWords(a: string[], b: string[]): [number, number][] {
  const rows = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) rows[i][j] = a[i] === b[j] ? rows[i + 1][j + 1] + 1 : Math.max(rows[i + 1][j], rows[i][j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (rows[i + 1][j] >= rows[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

describe('choosing the engine', () => {
  it('OCR_ENGINE=native without a tesseract on PATH stops with the reason; auto falls back to tesseract.js and says why', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(chooseOcrEngine({ setting: 'native', memoryLimitMb: 512 })).rejects.toThrow(OcrEngineUnavailableError);
      await expect(chooseOcrEngine({ setting: 'native', memoryLimitMb: 512 })).rejects.toThrow(/OCR_ENGINE=native, but no tesseract was found on PATH/);
      const auto = await chooseOcrEngine({ setting: 'auto', memoryLimitMb: 512 });
      expect(auto.info).toMatchObject({ name: 'wasm', reason: 'OCR_ENGINE=auto and no tesseract was found on PATH' });
    } finally {
      process.env.PATH = path;
    }
  });

  it.skipIf(!tesseract)('auto takes a working native tesseract; wasm is always tesseract.js', async () => {
    expect((await chooseOcrEngine({ setting: 'auto', memoryLimitMb: 300 })).info).toMatchObject({ name: 'native', version: tesseract!.version, memoryLimitMb: 300 });
    expect((await chooseOcrEngine({ setting: 'wasm', memoryLimitMb: 300 })).info).toMatchObject({ name: 'wasm', reason: 'OCR_ENGINE=wasm' });
  });
});
