// npm run bench:ocr [-- --rounds N]: OCR speed and memory, for both engines (never asserted in tests).
// npm run bench:ocr -- --soak: only the memory soak (200 OCR requests in a row, RSS before and after),
//   with the engine OCR_ENGINE names (auto by default).
//   - per page, one worker, end to end (prepare + recognize) for the native engine and the wasm
//     engine, interleaved page by page with native tesseract's CLI on the same prepared page, the
//     same model file and settings (OMP_THREAD_LIMIT=1, process start included): the yardstick;
//   - the engines alone on the prepared pages, the preparation alone, and native tesseract's start
//     (process + model load) on a blank page;
//   - per page with an idle pool of 2 (the page read in two halves at once);
//   - pages per second with 1 and 2 workers, each engine;
//   - peak RSS of the process and its tesseract children, each engine.
// Also run by `npm run bench` (scripts/bench.ts imports this file).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';
import { chooseOcrEngine } from '../../src/extract/ocr/chooseOcrEngine.js';
import { createOcrService, type OcrPoolService } from '../../src/extract/ocr/createOcrService.js';
import { nativeModelDir } from '../../src/extract/ocr/nativeModelDir.js';
import { findNativeTesseract, nativeArguments } from '../../src/extract/ocr/nativeTesseract.js';
import type { OcrEngineName, OcrEngineWorker } from '../../src/extract/ocr/ocrEngine.js';
import { prepareImagePages } from '../../src/extract/ocr/preparePages.js';

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

/**
 * A photo end to end, as the service reads it: decoded and cleaned (in a reader child in the
 * service, here in this process, which costs the same CPU), then every page recognized as one document.
 */
async function readImage(ocr: OcrPoolService, page: BenchPage) {
  const prepared = await prepareImagePages(page.bytes, page.mediaType, LIMITS);
  const documentKey = {};
  return Promise.all(prepared.map((p) => ocr.recognize(p, { documentKey })));
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type EngineSetting = 'auto' | OcrEngineName;
const soakEngine = (process.env.OCR_ENGINE ?? 'auto') as EngineSetting;

function settingsFor(workers: number, engine: EngineSetting) {
  return { OCR_WORKERS: workers, OCR_PAGE_TIMEOUT_MS: 120_000, MAX_IMAGE_PIXELS: LIMITS.maxPixels, MAX_PAGES: LIMITS.maxPages, OCR_ENGINE: engine };
}

/**
 * The pages to read: the OCR fixtures' single images when they exist, else the text fixtures'
 * PDF letters rendered at 300 dpi (what a scanned PDF page becomes), else none.
 */
async function benchPages(): Promise<BenchPage[]> {
  const labelsFile = path.join(ROOT, 'fixtures/labels.json');
  const labels = fs.existsSync(labelsFile) ? (JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as { letters?: { file: string; group: string }[] }) : {};
  const letters = labels.letters ?? [];
  // The first four (three clean scans and a fax, as in earlier sessions' figures) and two phone
  // photos that are read upright at the first try (the others are read a second time turned half
  // round, work the CLI on one prepared page does not do).
  const images = [
    ...letters.filter((l) => l.group === 'ocr' && /\.(png|jpe?g)$/i.test(l.file)).slice(0, 4),
    ...letters.filter((l) => /jpeg-photo-(07|11)\.jpg$/.test(l.file)),
  ];
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
  if (findNativeTesseract()) return true;
  console.log('native tesseract missing: apt-get install -y tesseract-ocr');
  const install = spawnSync('apt-get', ['install', '-y', 'tesseract-ocr'], { stdio: 'inherit' });
  return install.status === 0 && findNativeTesseract() !== null;
}

/**
 * The yardstick: native tesseract's CLI on a prepared page in a file, the same model file and the
 * same settings the native engine passes (nativeArguments), one thread; milliseconds, process
 * start and model load included, as a user running tesseract by hand would pay.
 */
function cliTime(binary: string, pngFile: string, modelDir: string): number {
  const args = nativeArguments(modelDir).slice(2);
  const started = performance.now();
  execFileSync(binary, [pngFile, 'stdout', ...args], { env: { PATH: process.env.PATH, OMP_THREAD_LIMIT: '1', LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'ignore'] });
  return performance.now() - started;
}

/**
 * CPU milliseconds so far of this process (its threads included) and of the child processes it has
 * waited for (/proc/self/stat's cutime and cstime, in clock ticks: 100 a second on Linux).
 */
function cpuNow(): number {
  const self = process.cpuUsage();
  const fields = fs.readFileSync('/proc/self/stat', 'latin1').split(') ')[1].split(' ');
  // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  const childTicks = Number(fields[13]) + Number(fields[14]);
  return (self.user + self.system) / 1000 + childTicks * 10;
}

/** Resident size of this process and every tesseract process it started, from /proc. */
function treeRss(): number {
  let total = process.memoryUsage().rss;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'latin1');
      if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) !== process.pid) continue;
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // Ended while we looked.
    }
  }
  return total;
}

/** Runs fn while sampling the process tree's RSS every 100 ms; the peak seen. */
async function peakTreeRss<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = treeRss();
  const timer = setInterval(() => (peak = Math.max(peak, treeRss())), 100);
  try {
    return { value: await fn(), peak };
  } finally {
    clearInterval(timer);
  }
}

async function startService(workers: number, engine: EngineSetting): Promise<OcrPoolService> {
  const ocr = createOcrService(settingsFor(workers, engine));
  await ocr.ready();
  return ocr;
}

async function throughput(pages: BenchPage[], workers: number, engine: OcrEngineName, count: number): Promise<{ rate: number; peak: number }> {
  const ocr = await startService(workers, engine);
  try {
    const { value, peak } = await peakTreeRss(async () => {
      const started = performance.now();
      await Promise.all(Array.from({ length: count }, (_, i) => readImage(ocr, pages[i % pages.length])));
      return count / ((performance.now() - started) / 1000);
    });
    return { rate: value, peak };
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
const throughputOf = args.includes('--throughput') ? (args[args.indexOf('--throughput') + 1] as OcrEngineName) : null;
if (throughputOf) {
  // A child of benchSpeed: one engine's throughput and peak RSS, as JSON on the last line.
  const batch = Number(args[args.indexOf('--batch') + 1]) || 8;
  const one = await throughput(pages, 1, throughputOf, batch);
  const many = await throughput(pages, poolSize, throughputOf, batch);
  console.log(JSON.stringify({ one, many }));
  process.exit(0);
}
console.log(`OCR bench: ${pages.length} page(s) [${pages.map((p) => p.name).join(', ')}], pool of ${poolSize}, ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}`);
if (soak) {
  const soaked = createOcrService(settingsFor(poolSize, soakEngine));
  try {
    await soaked.ready();
    console.log(`engine: ${(await soaked.engine()).name}`);
    // Warm: the first pages grow each worker's engine heap to its working size.
    for (const page of pages) await readImage(soaked, page);
    await runSoak(soaked, pages);
  } finally {
    await soaked.close();
  }
  console.log(`peak RSS (process, workers included): ${mb(process.resourceUsage().maxRSS * 1024)}`);
} else {
  await benchSpeed(pages);
  console.log(`load average at the end: ${os.loadavg()[0].toFixed(1)} (${os.availableParallelism()} cores)`);
}

async function benchSpeed(pages: BenchPage[]) {
  if (!ensureNativeTesseract()) throw new Error('The OCR bench compares against native tesseract: install tesseract-ocr.');
  const binary = (findNativeTesseract() as NonNullable<ReturnType<typeof findNativeTesseract>>).path;
  const modelDir = nativeModelDir();
  const engines: OcrEngineName[] = ['native', 'wasm'];

  // Native tesseract's own start: the process and the best_int model, on a blank page.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-bench-'));
  const starts: number[] = [];
  const blank = path.join(dir, 'blank.png');
  await sharp({ create: { width: 200, height: 50, channels: 3, background: '#fff' } }).grayscale().png().toFile(blank);
  for (let i = 0; i < 8; i++) starts.push(cliTime(binary, blank, modelDir));
  console.log(`native tesseract start (process + best_int model load, blank page): p50 ${s(percentile(starts, 50))}, max ${s(Math.max(...starts))}`);

  // 1. Interleaved page by page, so that other load on the machine falls on all alike: the CLI on
  // the prepared page, each engine's service (one worker) end to end, each engine alone on the
  // prepared page, and the preparation alone.
  const prepared = await Promise.all(pages.map(async (p) => (await prepareImagePages(p.bytes, p.mediaType, LIMITS))[0]));
  const files = prepared.map((page, i) => {
    const file = path.join(dir, `page${i}.png`);
    fs.writeFileSync(file, page.png);
    return file;
  });
  const services = { native: await startService(1, 'native'), wasm: await startService(1, 'wasm') };
  const alone: Record<OcrEngineName, OcrEngineWorker> = {
    native: await (await chooseOcrEngine({ setting: 'native', memoryLimitMb: 512 })).startWorker(),
    wasm: await (await chooseOcrEngine({ setting: 'wasm', memoryLimitMb: 512 })).startWorker(),
  };
  const cli: number[] = [];
  const prepare: number[] = [];
  const endToEnd: Record<OcrEngineName, number[]> = { native: [], wasm: [] };
  const engineAlone: Record<OcrEngineName, number[]> = { native: [], wasm: [] };
  const cpu: Record<'cli' | 'prepare' | OcrEngineName, number[]> = { cli: [], prepare: [], native: [], wasm: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [i, page] of pages.entries()) {
        let c = cpuNow();
        cli.push(cliTime(binary, files[i], modelDir));
        cpu.cli.push(cpuNow() - c);
        let t = performance.now();
        c = cpuNow();
        await prepareImagePages(page.bytes, page.mediaType, LIMITS);
        prepare.push(performance.now() - t);
        cpu.prepare.push(cpuNow() - c);
        for (const engine of engines) {
          t = performance.now();
          c = cpuNow();
          await readImage(services[engine], page);
          endToEnd[engine].push(performance.now() - t);
          cpu[engine].push(cpuNow() - c);
          t = performance.now();
          await alone[engine].recognize(prepared[i].png);
          engineAlone[engine].push(performance.now() - t);
        }
      }
    }
  } finally {
    await Promise.all([services.native.close(), services.wasm.close(), alone.native.terminate(), alone.wasm.terminate()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const cliP50 = percentile(cli, 50);
  const vsCli = (ms: number) => `${(ms / cliP50).toFixed(2)}x`;
  console.log(`per page, one worker, ${cli.length} pages (interleaved):`);
  console.log(`  native CLI (tesseract FILE stdout, same prepared page, model file and settings, OMP_THREAD_LIMIT=1): p50 ${s(cliP50)}, p99 ${s(percentile(cli, 99))}`);
  for (const engine of engines) {
    const p50 = percentile(endToEnd[engine], 50);
    // Each page's time against the CLI's on that page a moment before: drift in the machine's load cancels out.
    const paired = percentile(
      endToEnd[engine].map((ms, k) => ms / cli[k]),
      50,
    );
    console.log(
      `  ${engine.padEnd(6)} engine, end to end (prepare + recognize): p50 ${s(p50)}, p99 ${s(percentile(endToEnd[engine], 99))} -> ${vsCli(p50)} the CLI` +
        `${engine === 'native' ? ' (goal <= 1.1x)' : ''}, median of the paired page ratios ${paired.toFixed(2)}x; recognition alone p50 ${s(percentile(engineAlone[engine], 50))} -> ${vsCli(percentile(engineAlone[engine], 50))}`,
    );
  }
  console.log(`  preparation alone (decode, orient, deskew, scale, PNG): p50 ${s(percentile(prepare, 50))}, p99 ${s(percentile(prepare, 99))}`);
  // CPU time, which a busy machine inflates far less than wall time. A native page's CPU includes
  // the model load its process did while waiting, off the page's path: that is work, not waiting.
  const cpuCli = percentile(cpu.cli, 50);
  console.log(
    `  CPU per page (user + system, this process and the tesseract processes it waited for): CLI p50 ${s(cpuCli)}; ` +
      `end to end native ${s(percentile(cpu.native, 50))} (${(percentile(cpu.native, 50) / cpuCli).toFixed(2)}x), wasm ${s(percentile(cpu.wasm, 50))} (${(percentile(cpu.wasm, 50) / cpuCli).toFixed(2)}x); ` +
      `preparation ${s(percentile(cpu.prepare, 50))}`,
  );
  console.log('  page by page, p50 over the rounds (native engine end to end / CLI):');
  for (const [i, page] of pages.entries()) {
    const of = (times: number[]) => percentile(times.filter((_, k) => k % pages.length === i), 50);
    console.log(
      `    ${page.name.padEnd(24)} CLI ${s(of(cli))}  preparation ${s(of(prepare))}  native ${s(of(endToEnd.native))} (${(of(endToEnd.native) / of(cli)).toFixed(2)}x)  wasm ${s(of(endToEnd.wasm))} (${(of(endToEnd.wasm) / of(cli)).toFixed(2)}x)`,
    );
  }

  // 2. An idle pool of 2 reads a page as two halves at once (splitPage).
  for (const engine of engines) {
    const ocr = await startService(poolSize, engine);
    const times: number[] = [];
    try {
      for (let round = 0; round < Math.max(1, rounds / 2); round++) {
        for (const page of pages) {
          const t = performance.now();
          await readImage(ocr, page);
          times.push(performance.now() - t);
        }
      }
    } finally {
      await ocr.close();
    }
    console.log(`per page, idle pool of ${poolSize} (two halves at once), ${engine}: p50 ${s(percentile(times, 50))}, p99 ${s(percentile(times, 99))} -> ${vsCli(percentile(times, 50))} the CLI`);
  }

  // 3. Throughput: the same batch of pages submitted at once, one worker against the pool, each
  // engine in a fresh process of its own so that its peak RSS is its own.
  const batch = Math.max(6, pages.length * 2);
  for (const engine of engines) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--throughput', engine, '--batch', String(batch)], {
      encoding: 'utf8',
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<'one' | 'many', { rate: number; peak: number }>;
    console.log(
      `throughput, ${batch} pages at once, ${engine}: 1 worker ${result.one.rate.toFixed(2)} pages/s, ${poolSize} workers ${result.many.rate.toFixed(2)} pages/s (${(result.many.rate / result.one.rate).toFixed(2)}x); ` +
        `peak RSS (the process and its tesseract children): ${mb(result.one.peak)} with 1 worker, ${mb(result.many.peak)} with ${poolSize}`,
    );
  }
}
