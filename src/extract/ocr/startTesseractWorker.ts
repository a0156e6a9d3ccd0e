import { createWorker, OEM, type Worker } from 'tesseract.js';
import { ENGINE_PARAMETERS, ENGLISH_MODEL_DIR } from './engineParameters.js';
import { warmUpImage } from './warmUpImage.js';

export interface TesseractWorkerOptions {
  /** A worker that has not loaded by then is abandoned: with a bad data path createWorker never settles. */
  startTimeoutMs: number;
  /** Errors the worker reports outside a job; without a handler tesseract.js throws them uncaught. */
  onError: (error: unknown) => void;
}

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
