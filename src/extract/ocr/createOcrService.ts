import sharp from 'sharp';
import type { Worker } from 'tesseract.js';
import type { Settings } from '../../config/settings.js';
import { DocumentUnreadableError, isProblemError } from '../../report/errors.js';
import type { OcrPageOptions, OcrPageResult, OcrService } from '../ocrService.js';
import type { PreparedPage } from './preparePages.js';
import { meanConfidence, recognizePage } from './recognizePage.js';
import { splitPage } from './splitPage.js';
import { startTesseractWorker } from './startTesseractWorker.js';
import { WorkerPool, type PoolEvent, type PoolStats, type RunOptions } from './workerPool.js';

export type OcrSettings = Pick<Settings, 'OCR_WORKERS' | 'OCR_PAGE_TIMEOUT_MS' | 'MAX_IMAGE_PIXELS' | 'MAX_PAGES'>;

export interface OcrLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface OcrPoolService extends OcrService {
  stats(): PoolStats;
}

// Loading the engine and the 3 MB model takes ~0.3 s; a worker still loading after this never will.
const WORKER_START_TIMEOUT_MS = 60_000;
// A page read this poorly, when its up/down could not be told from its shape, is read again
// turned half round; an upright page almost never falls this low, an upside-down one always does.
const RETRY_TURNED_BELOW = 0.65;
const RETRY_TURNED_ALWAYS_BELOW = 0.4;

/**
 * The OCR service: a pool of long-lived tesseract.js workers, all started here, at start-up,
 * and reused for every page of every request. Pages arrive prepared by the readers (decoded and
 * cleaned in a reader child: preparePages.ts); sharp here only turns or cuts those PNGs of ours.
 * Nothing is fetched or written: the engine and the English model come from node_modules.
 */
export function createOcrService(settings: OcrSettings, log?: OcrLogger): OcrPoolService {
  const size = Math.max(1, settings.OCR_WORKERS);
  // Every page is turned or cut once: libvips's operation cache (up to 50 MB of pixels by default)
  // would only hold on to pages already read.
  sharp.cache(false);
  const pool = new WorkerPool<Worker>({
    size,
    pageTimeoutMs: settings.OCR_PAGE_TIMEOUT_MS,
    startWorker: () =>
      startTesseractWorker({
        startTimeoutMs: WORKER_START_TIMEOUT_MS,
        // Reported job failures also reject their job, which is where they are handled.
        onError: (error) => log?.warn({ err: { message: String(error).slice(0, 200) } }, 'OCR worker reported an error'),
      }),
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
    return turned.confidence > first.confidence ? turned : first;
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
    const [top, bottom] = await Promise.all(halves.map((half) => pool.run((worker) => recognizeOrProblem(worker, half), job)));
    const words = [...top.words, ...bottom.words];
    return { text: [top.text, bottom.text].filter(Boolean).join('\n\n'), confidence: meanConfidence(words), words };
  }

  return {
    recognize: (page, options = {}) => read(page, options),
    ready: () => pool.ready(),
    close: () => pool.close(),
    stats: () => pool.stats(),
  };
}

async function recognizeOrProblem(worker: Worker, png: Buffer): Promise<OcrPageResult> {
  try {
    return await recognizePage(worker, png);
  } catch (error) {
    if (isProblemError(error)) throw error;
    // tesseract.js rejects with a bare string ("Error attempting to read image."); the worker stays usable.
    throw new DocumentUnreadableError('The image could not be read by the OCR engine. Take the photo or scan again.');
  }
}
