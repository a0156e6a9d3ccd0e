import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/**
 * The English LSTM model shipped in node_modules (@tesseract.js-data/eng). best_int with the
 * LSTM engine: the legacy engine read low-resolution scans far worse, and without a local
 * langPath tesseract.js would fetch the model from a CDN.
 */
export const ENGLISH_MODEL_DIR = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

export interface TesseractWorkerOptions {
  /** A worker that has not loaded by then is abandoned: with a bad data path createWorker never settles. */
  startTimeoutMs: number;
  /** Errors the worker reports outside a job; without a handler tesseract.js throws them uncaught. */
  onError: (error: unknown) => void;
}

// Auto page segmentation (the CLI's default, PSM 3): letters have letterheads, address blocks and
// signature columns, which "single block" (tesseract.js's default) reads as one run-on column.
const PAGE_SEGMENTATION = PSM.AUTO;
// Every page we pass has been scaled to about 300 dpi; PNGs carry no density tesseract trusts.
const PAGE_DPI = '300';
// Sauvola's local threshold instead of one Otsu threshold for the page: phone photos have shadows
// and uneven light, faxes speckle. On the OCR fixtures it turned the 3 wrong verdicts of 22 into
// none (a faxed "7 May" read, drawn signatures kept as marks); Leptonica's tiled Otsu (1) did worse.
const THRESHOLDING = '2';

/** How the engine reads every page; the benchmark gives native tesseract the same. */
export const ENGINE_PARAMETERS = {
  tessedit_pageseg_mode: PAGE_SEGMENTATION,
  user_defined_dpi: PAGE_DPI,
  thresholding_method: THRESHOLDING,
} as const;

/** One long-lived tesseract.js worker with the English model loaded, ready to recognize. */
export async function startTesseractWorker(options: TesseractWorkerOptions): Promise<Worker> {
  const starting = createWorker('eng', OEM.LSTM_ONLY, {
    langPath: ENGLISH_MODEL_DIR,
    gzip: true,
    // Never write eng.traineddata into the working directory, never read a stale copy back.
    cacheMethod: 'none',
    errorHandler: options.onError,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The OCR engine did not start within ${options.startTimeoutMs} ms.`)), options.startTimeoutMs);
  });
  let worker: Worker;
  try {
    worker = await Promise.race([starting, timeout]);
  } catch (error) {
    // If it ever loads after all, do not leave a thread running.
    starting.then((late) => late.terminate()).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  await worker.setParameters({
    ...ENGINE_PARAMETERS,
    // The engine's progress notes ("Detected 190 diacritics") go nowhere instead of to stderr.
    debug_file: '/dev/null',
  });
  // The first recognitions of a fresh worker are slow (the engine sets itself up on first use):
  // pay for that here, at start-up, not on a student's first page.
  try {
    await worker.recognize(await warmUpImage());
  } catch {
    // Only a warm-up: a worker that cannot read this line will say so on a real page.
  }
  return worker;
}

let warmUp: Promise<Buffer> | null = null;

/** A line of print to read once at start-up. */
function warmUpImage(): Promise<Buffer> {
  warmUp ??= sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="160"><rect width="100%" height="100%" fill="#fff"/>' +
        '<text x="30" y="95" font-family="serif" font-size="42">Offer of internship: 40 hours per week</text></svg>',
    ),
  )
    .flatten({ background: '#fff' })
    .toColourspace('b-w')
    .png()
    .toBuffer();
  return warmUp;
}
