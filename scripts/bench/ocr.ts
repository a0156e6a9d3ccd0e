// npm run bench:ocr [-- --rounds N]: OCR speed and memory (never asserted in tests).
// npm run bench:ocr -- --soak: only the memory soak (200 OCR requests in a row, RSS before and after).
//   - per-page time with a warm pool (p50/p99), end to end as the service reads a photo: decoded and
//     cleaned in a reader child process, then recognized here by the pool (which reads a page in two
//     halves at once when two workers are idle) or by one worker; and the engine alone;
//   - pages per second: the pool (OCR_WORKERS, default 2) against one worker;
//   - the same prepared page through Debian's native `tesseract` (OMP_THREAD_LIMIT=1) as the yardstick,
//     with the same best_int model and the service's engine settings, and with Debian's own model;
//   - peak RSS.
// Also run by `npm run bench` (scripts/bench.ts imports this file).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';
import type { Worker } from 'tesseract.js';
import { ReaderPool } from '../../src/extract/isolation/readerPool.js';
import { createOcrService, type OcrPoolService } from '../../src/extract/ocr/createOcrService.js';
import { prepareImagePages } from '../../src/extract/ocr/preparePages.js';
import { recognizePage } from '../../src/extract/ocr/recognizePage.js';
import { ENGINE_PARAMETERS, ENGLISH_MODEL_DIR, startTesseractWorker } from '../../src/extract/ocr/startTesseractWorker.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const soak = args.includes('--soak');
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 4;
const poolSize = Number(process.env.OCR_WORKERS) || Math.max(2, Math.min(4, os.availableParallelism()));
const SOAK_REQUESTS = 200;
const LIMITS = { maxPixels: 40_000_000, maxPages: 20 };

interface BenchPage {
  name: string;
  bytes: Buffer;
  mediaType: string;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// The service's reader children (READER_WORKERS, 2 by default) decode and clean every photo.
const readers = new ReaderPool({ workers: 2, memoryMb: 256, rssCeilingMb: 768, taskTimeoutMs: 120_000 });
const READ_LIMITS = { maxBytes: 20e6, maxPages: LIMITS.maxPages, maxTextChars: 60_000, maxImagePixels: LIMITS.maxPixels, maxPdfDecodedBytes: 512e6, maxEntries: 2000, maxUncompressedBytes: 100e6, maxRatio: 200 };

/** A photo as the service reads it: prepared in a reader child, then every page recognized as one document. */
async function readImage(ocr: OcrPoolService, page: BenchPage) {
  const read = await readers.read({ kind: 'image', mediaType: page.mediaType, bytes: page.bytes, limits: READ_LIMITS, renderScannedPages: true });
  const documentKey = {};
  return Promise.all(read.pages.map((p) => ocr.recognize(p.scan!, { documentKey })));
}

function settingsFor(workers: number) {
  return { OCR_WORKERS: workers, OCR_PAGE_TIMEOUT_MS: 120_000, MAX_IMAGE_PIXELS: LIMITS.maxPixels, MAX_PAGES: LIMITS.maxPages };
}

/**
 * The pages to read: the OCR fixtures' single images when they exist, else the text fixtures'
 * PDF letters rendered at 300 dpi (what a scanned PDF page becomes), else none.
 */
async function benchPages(): Promise<BenchPage[]> {
  const labelsFile = path.join(ROOT, 'fixtures/labels.json');
  const labels = fs.existsSync(labelsFile) ? (JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as { letters?: { file: string; group: string }[] }) : {};
  const letters = labels.letters ?? [];
  const images = letters.filter((l) => l.group === 'ocr' && /\.(png|jpe?g)$/i.test(l.file)).slice(0, 4);
  if (images.length) {
    return images.map((l) => ({
      name: l.file,
      bytes: fs.readFileSync(path.join(ROOT, 'fixtures', l.file)),
      mediaType: /\.png$/i.test(l.file) ? 'image/png' : 'image/jpeg',
    }));
  }
  const pdfs = letters.filter((l) => l.group === 'text' && l.file.endsWith('.pdf')).slice(0, 3);
  const pages: BenchPage[] = [];
  for (const letter of pdfs) {
    const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(path.join(ROOT, 'fixtures', letter.file))), isEvalSupported: false });
    try {
      const shot = await parser.getScreenshot({ partial: [1], scale: 300 / 72, imageDataUrl: false, imageBuffer: true });
      pages.push({ name: `${letter.file} p1 @300dpi`, bytes: Buffer.from(shot.pages[0].data), mediaType: 'image/png' });
    } finally {
      await parser.destroy();
    }
  }
  if (pages.length === 0) throw new Error('No fixtures to benchmark: run npm run fixtures first.');
  return pages;
}

function ensureNativeTesseract(): boolean {
  if (spawnSync('tesseract', ['--version']).status === 0) return true;
  console.log('native tesseract missing: apt-get install -y tesseract-ocr');
  const install = spawnSync('apt-get', ['install', '-y', 'tesseract-ocr'], { stdio: 'inherit' });
  return install.status === 0 && spawnSync('tesseract', ['--version']).status === 0;
}

// The service's engine settings, as native tesseract's options: the same page segmentation, the
// same dpi and the same (Sauvola) thresholding, so that the engines do the same work.
const NATIVE_OPTIONS = [
  '--oem', '1',
  '--psm', String(ENGINE_PARAMETERS.tessedit_pageseg_mode),
  '--dpi', ENGINE_PARAMETERS.user_defined_dpi,
  '-c', `thresholding_method=${ENGINE_PARAMETERS.thresholding_method}`,
];

/** Runs native tesseract on a PNG, single-threaded as the wasm build is; milliseconds per page (median of reps). */
function nativeTime(pngFile: string, tessdataDir: string | null, reps: number): { ms: number; chars: number } {
  const times: number[] = [];
  let chars = 0;
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    const out = execFileSync('tesseract', [pngFile, 'stdout', '-l', 'eng', ...NATIVE_OPTIONS, ...(tessdataDir ? ['--tessdata-dir', tessdataDir] : [])], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    times.push(performance.now() - started);
    chars = out.toString('utf8').replace(/\s+/g, '').length;
  }
  return { ms: percentile(times, 50), chars };
}

async function perPageLatency(pages: BenchPage[], workers: number): Promise<number[]> {
  const ocr = createOcrService(settingsFor(workers));
  try {
    const startedAt = performance.now();
    await ocr.ready();
    console.log(`pool of ${workers} ready in ${s(performance.now() - startedAt)}`);
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        const t = performance.now();
        await readImage(ocr, page);
        times.push(performance.now() - t);
      }
    }
    console.log(`RSS with the warm pool of ${workers}: ${mb(process.memoryUsage().rss)} (peak so far ${mb(process.resourceUsage().maxRSS * 1024)})`);
    return times;
  } finally {
    await ocr.close();
  }
}

async function throughput(pages: BenchPage[], workers: number, count: number): Promise<number> {
  const ocr = createOcrService(settingsFor(workers));
  try {
    await ocr.ready();
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, (_, i) => readImage(ocr, pages[i % pages.length])));
    return count / ((performance.now() - started) / 1000);
  } finally {
    await ocr.close();
  }
}

async function runSoak(ocr: OcrPoolService, pages: BenchPage[]) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const samples: string[] = [];
  let next = 0;
  // As many requests in flight as workers: the pool is kept busy, nothing queues up unboundedly.
  await Promise.all(
    Array.from({ length: poolSize }, async () => {
      while (next < SOAK_REQUESTS) {
        const n = next++;
        const page = pages[n % pages.length];
        await readImage(ocr, page);
        if ((n + 1) % 50 === 0) samples.push(`${n + 1}: ${mb(process.memoryUsage().rss)}`);
      }
    }),
  );
  gc?.();
  const after = process.memoryUsage();
  console.log(`soak: ${SOAK_REQUESTS} OCR requests in ${s(performance.now() - started)}${gc ? '' : ' (run with node --expose-gc for RSS after a collection)'}`);
  console.log(`  RSS before ${mb(before.rss)}, after ${mb(after.rss)} (${after.rss >= before.rss ? '+' : ''}${mb(after.rss - before.rss)}); JS heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}`);
  console.log(`  RSS along the way: ${samples.join(', ')}`);
  console.log(`  workers started ${ocr.stats().workersStarted} (pool of ${poolSize}), replaced ${ocr.stats().workersReplaced}`);
}

const pages = await benchPages();
await readers.warm();
console.log(`OCR bench: ${pages.length} page(s) [${pages.map((p) => p.name).join(', ')}], pool of ${poolSize}, ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}`);
if (soak) {
  const soaked = createOcrService(settingsFor(poolSize));
  try {
    await soaked.ready();
    // Warm: the first pages grow each worker's engine heap to its working size.
    for (const page of pages) await readImage(soaked, page);
    await runSoak(soaked, pages);
  } finally {
    await soaked.close();
  }
  console.log(`peak RSS (this process, OCR workers included): ${mb(process.resourceUsage().maxRSS * 1024)}; a reader child at most ${readers.stats().peakRssMb} MB`);
} else {
  await benchSpeed(pages);
}
await readers.close();

async function benchSpeed(pages: BenchPage[]) {
  // 1. Per-page latency with a warm pool, one page at a time: the pool reads an idle page in two
  // halves on two workers at once (splitPage); one worker reads it whole.
  const endToEnd = await perPageLatency(pages, poolSize);
  const wholePage = await perPageLatency(pages, 1);
  console.log(`per page, end to end (clean + recognize), warm pool of ${poolSize}, ${endToEnd.length} pages: p50 ${s(percentile(endToEnd, 50))}, p99 ${s(percentile(endToEnd, 99))}`);
  console.log(`per page, end to end, one worker (the page read whole): p50 ${s(percentile(wholePage, 50))}, p99 ${s(percentile(wholePage, 99))}`);

  // 2. Engine against engine on the same prepared PNG, interleaved page by page so that other load
  // on the machine falls on both alike: tesseract.js (wasm) against native tesseract.
  const prepared = await Promise.all(pages.map(async (p) => (await prepareImagePages(p.bytes, p.mediaType, LIMITS))[0]));
  const worker: Worker = await startTesseractWorker({ startTimeoutMs: 60_000, onError: () => undefined });
  const native = ensureNativeTesseract();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-bench-'));
  const wasm: number[] = [];
  const prepare: number[] = [];
  const sameModel: number[] = [];
  const debianModel: number[] = [];
  try {
    // The same best_int model the service uses, unpacked for the native engine.
    fs.writeFileSync(path.join(dir, 'eng.traineddata'), zlib.gunzipSync(fs.readFileSync(path.join(ENGLISH_MODEL_DIR, 'eng.traineddata.gz'))));
    for (let round = 0; round < Math.max(2, rounds / 2); round++) {
      for (const [i, page] of prepared.entries()) {
        let t = performance.now();
        await prepareImagePages(pages[i].bytes, pages[i].mediaType, LIMITS);
        prepare.push(performance.now() - t);
        t = performance.now();
        await recognizePage(worker, page.png);
        wasm.push(performance.now() - t);
        if (!native) continue;
        const file = path.join(dir, `page${i}.png`);
        fs.writeFileSync(file, page.png);
        sameModel.push(nativeTime(file, dir, 1).ms);
        debianModel.push(nativeTime(file, null, 1).ms);
      }
    }
  } finally {
    await worker.terminate();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const wasmP50 = percentile(wasm, 50);
  console.log(`  of which cleaning (sharp, geometry): p50 ${s(percentile(prepare, 50))}; recognition (tesseract.js): p50 ${s(wasmP50)}, p99 ${s(percentile(wasm, 99))}`);
  if (native) {
    console.log(
      `native tesseract (OMP_THREAD_LIMIT=1), same pages: best_int model p50 ${s(percentile(sameModel, 50))} -> tesseract.js/native ${(wasmP50 / percentile(sameModel, 50)).toFixed(2)}x; ` +
        `Debian's model p50 ${s(percentile(debianModel, 50))} -> ${(wasmP50 / percentile(debianModel, 50)).toFixed(2)}x`,
    );
    console.log(
      `  end to end per page (clean + recognize) against native best_int: pool ${(percentile(endToEnd, 50) / percentile(sameModel, 50)).toFixed(2)}x, ` +
        `one worker ${(percentile(wholePage, 50) / percentile(sameModel, 50)).toFixed(2)}x (goal <= 1.3x)`,
    );
  } else {
    console.log('native tesseract unavailable: no yardstick');
  }

  // 3. Throughput: the pool against one worker, the same batch of pages submitted at once.
  const batch = Math.max(6, pages.length * 2);
  const one = await throughput(pages, 1, batch);
  const many = await throughput(pages, poolSize, batch);
  console.log(`throughput, ${batch} pages at once: 1 worker ${one.toFixed(2)} pages/s, pool of ${poolSize} ${many.toFixed(2)} pages/s (${(many / one).toFixed(2)}x)`);

  console.log(`peak RSS (this process, OCR workers included): ${mb(process.resourceUsage().maxRSS * 1024)}; a reader child at most ${readers.stats().peakRssMb} MB`);
}
