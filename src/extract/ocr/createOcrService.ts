import sharp from 'sharp';
import type { Settings } from '../../config/settings.js';
import { DocumentUnreadableError, isProblemError } from '../../report/errors.js';
import type { OcrPageOptions, OcrPageResult, OcrService } from '../ocrService.js';
import { chooseOcrEngine } from './chooseOcrEngine.js';
import type { OcrEngineInfo, OcrEngineWorker } from './ocrEngine.js';
import type { PreparedPage } from './preparePages.js';
import { pageFromRows } from './recognizePage.js';
import { splitPage } from './splitPage.js';
import { joinBandRows } from './tesseractTsv.js';
import { WorkerPool, type PoolEvent, type PoolStats, type RunOptions } from './workerPool.js';

export type OcrSettings = Pick<Settings, 'OCR_WORKERS' | 'OCR_PAGE_TIMEOUT_MS' | 'MAX_IMAGE_PIXELS' | 'MAX_PAGES'> &
  Partial<Pick<Settings, 'OCR_ENGINE' | 'OCR_MEMORY_MB'>>;

export interface OcrLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface OcrPoolService extends OcrService {
  stats(): PoolStats;
  /** The engine chosen at start-up (OCR_ENGINE); rejects when `native` was asked for and cannot run. */
  engine(): Promise<OcrEngineInfo>;
}

// A page read this poorly, when its up/down could not be told from its shape, is read again
// turned half round; an upright page almost never falls this low, an upside-down one always does.
const RETRY_TURNED_BELOW = 0.65;
const RETRY_TURNED_ALWAYS_BELOW = 0.4;

/**
 * The OCR service: a pool of OCR_WORKERS engine workers, all started here, at start-up, and
 * reused for every page of every request: native tesseract processes where this machine has it,
 * else long-lived tesseract.js workers (chooseOcrEngine). Pages arrive prepared by the readers
 * (decoded and cleaned in a reader child: preparePages.ts); sharp here only turns or cuts those
 * PNGs of ours. Nothing is fetched: the English model comes from node_modules.
 */
export function createOcrService(settings: OcrSettings, log?: OcrLogger): OcrPoolService {
  const size = Math.max(1, settings.OCR_WORKERS);
  // Every page is turned or cut once: libvips's operation cache (up to 50 MB of pixels by default)
  // would only hold on to pages already read.
  sharp.cache(false);
  const engine = chooseOcrEngine({
    setting: settings.OCR_ENGINE ?? 'auto',
    memoryLimitMb: settings.OCR_MEMORY_MB ?? 512,
    // Reported job failures also reject their job, which is where they are handled.
    onWasmError: (error) => log?.warn({ err: { message: String(error).slice(0, 200) } }, 'OCR worker reported an error'),
    onNativeFailure: (failure) => log?.warn({ ocr: failure }, 'native OCR process failed'),
  });
  // Readiness and engine() report a failure; keep it from also surfacing as an unhandled rejection.
  engine.catch(() => undefined);
  const pool = new WorkerPool<OcrEngineWorker>({
    size,
    pageTimeoutMs: settings.OCR_PAGE_TIMEOUT_MS,
    startWorker: async () => (await engine).startWorker(),
    onEvent: (event: PoolEvent) => {
      if (event.type === 'worker_replaced') log?.warn({ ocr: event }, 'OCR page timed out: worker replaced');
      else log?.error({ ocr: event }, 'OCR worker failed to start');
    },
  });

  async function read(prepared: PreparedPage, options: OcrPageOptions): Promise<OcrPageResult> {
    const job: RunOptions = { key: options.documentKey, signal: options.signal };
    const first = (await readInHalves(prepared, job)) ?? (await pool.run((worker) => recognizeOrProblem(worker, prepared.png), job));
    const unsure = prepared.geometry.upsideDownCertainty < 0.5 && first.confidence < RETRY_TURNED_BELOW;
    if (!unsure && first.confidence >= RETRY_TURNED_ALWAYS_BELOW) return first;
    const turned = await pool.run(async (worker) => recognizeOrProblem(worker, await sharp(prepared.png).rotate(180).png({ compressionLevel: 1 }).toBuffer()), job);
    return turned.confidence > first.confidence ? { ...turned, turnedHalfRound: true } : first;
  }

  /**
   * With two workers idle and nothing waiting, a page is read as two halves at once (see
   * splitPage): the page's wait is nearly halved, and no other page waits for it. Under load
   * every worker is busy and pages are read whole, one per worker, as before.
   */
  async function readInHalves(prepared: PreparedPage, job: RunOptions): Promise<OcrPageResult | null> {
    const idle = pool.stats();
    if (idle.size - idle.busy < 2 || idle.queued > 0) return null;
    const halves = await splitPage(prepared.png, prepared.width, prepared.height);
    if (!halves) return null;
    const [top, bottom] = await Promise.all(halves.bands.map((band) => pool.run((worker) => recognizeOrProblem(worker, band), job)));
    return pageFromRows(joinBandRows(top.tsv, bottom.tsv, halves.cutAt, prepared.width, prepared.height));
  }

  return {
    recognize: (page, options = {}) => read(page, options),
    ready: () => pool.ready(),
    close: () => pool.close(),
    stats: () => pool.stats(),
    engine: async () => (await engine).info,
  };
}

async function recognizeOrProblem(worker: OcrEngineWorker, png: Buffer): Promise<OcrPageResult> {
  try {
    return await worker.recognize(png);
  } catch (error) {
    if (isProblemError(error)) throw error;
    // tesseract.js rejects with a bare string ("Error attempting to read image."), native tesseract
    // exits non-zero; either way the worker stays usable.
    throw new DocumentUnreadableError('The image could not be read by the OCR engine. Take the photo or scan again.');
  }
}
