import { createRequire } from 'node:module';
import { nativeModelDir } from './nativeModelDir.js';
import { findNativeTesseract, NativeTesseractWorker, type NativeFailure } from './nativeTesseract.js';
import type { OcrEngineInfo, OcrEngineName, OcrEngineWorker } from './ocrEngine.js';
import { recognizePage } from './recognizePage.js';
import { startTesseractWorker } from './startTesseractWorker.js';
import { WARM_UP_TEXT, warmUpImage } from './warmUpImage.js';

const require = createRequire(import.meta.url);

export type OcrEngineSetting = 'auto' | OcrEngineName;

export interface OcrEngineOptions {
  /** OCR_ENGINE: `auto` takes native tesseract when this machine has a working one, else tesseract.js. */
  setting: OcrEngineSetting;
  /** OCR_MEMORY_MB: native only, per page process. */
  memoryLimitMb: number;
  /** A tesseract.js worker's errors outside a job. */
  onWasmError?: (error: unknown) => void;
  /** A native page process that ended badly (not one ended for overrunning its deadline). */
  onNativeFailure?: (failure: NativeFailure) => void;
}

/** The engine the OCR pool runs: what it is, and how to start one of its workers. */
export interface OcrEngine {
  info: OcrEngineInfo;
  startWorker(): Promise<OcrEngineWorker>;
}

/** OCR_ENGINE=native on a machine that cannot run it: the service does not start. */
export class OcrEngineUnavailableError extends Error {
  constructor(reason: string) {
    super(`OCR_ENGINE=native, but ${reason}. Install Debian's tesseract-ocr (5.x), or set OCR_ENGINE=auto or wasm.`);
    this.name = 'OcrEngineUnavailableError';
  }
}

// The native tesseract found on this machine, its model directory and its start-up check: looked
// for once per process and PATH (the machine does not change under a running service).
const nativeProbes = new Map<string, Promise<NativeProbe>>();

type NativeProbe = { ok: true; binary: string; version: string; modelDir: string } | { ok: false; reason: string };

/**
 * Chooses the OCR engine at start-up. Native tesseract (Debian's 5.x) reads a page about 1.45
 * times faster than tesseract.js on the same model and settings; tesseract.js needs nothing but
 * npm. `native` insists on the former and fails with a clear reason when the binary, its version
 * or the model is missing; `auto` falls back to tesseract.js and says why.
 */
export async function chooseOcrEngine(options: OcrEngineOptions): Promise<OcrEngine> {
  if (options.setting !== 'wasm') {
    const searchPath = process.env.PATH ?? '';
    if (!nativeProbes.has(searchPath)) nativeProbes.set(searchPath, probeNativeTesseract(searchPath));
    const probe = await (nativeProbes.get(searchPath) as Promise<NativeProbe>);
    if (probe.ok) {
      const memoryLimitBytes = options.memoryLimitMb * 1024 * 1024;
      return {
        info: {
          name: 'native',
          version: probe.version,
          binary: probe.binary,
          modelDir: probe.modelDir,
          memoryLimitMb: options.memoryLimitMb,
          reason: options.setting === 'native' ? 'OCR_ENGINE=native' : 'OCR_ENGINE=auto and a working tesseract was found',
        },
        startWorker: async () =>
          new NativeTesseractWorker({ binary: probe.binary, modelDir: probe.modelDir, memoryLimitBytes, onFailure: options.onNativeFailure }),
      };
    }
    if (options.setting === 'native') throw new OcrEngineUnavailableError(probe.reason);
    return wasmEngine(options, `OCR_ENGINE=auto and ${probe.reason}`);
  }
  return wasmEngine(options, 'OCR_ENGINE=wasm');
}

// Loading the engine and the 3 MB model takes ~0.3 s; a worker still loading after this never will.
const WASM_START_TIMEOUT_MS = 60_000;

function wasmEngine(options: OcrEngineOptions, reason: string): OcrEngine {
  const version = `tesseract.js ${(require('tesseract.js/package.json') as { version: string }).version}`;
  return {
    info: { name: 'wasm', version, reason },
    startWorker: async () => {
      const worker = await startTesseractWorker({ startTimeoutMs: WASM_START_TIMEOUT_MS, onError: options.onWasmError ?? (() => undefined) });
      return { recognize: (png) => recognizePage(worker, png), terminate: async () => void (await worker.terminate()) };
    },
  };
}

/** Finds tesseract, unpacks the model for it and has it read one line, as it will read pages. */
async function probeNativeTesseract(searchPath: string): Promise<NativeProbe> {
  const binary = findNativeTesseract(searchPath);
  if (!binary) return { ok: false, reason: 'no tesseract was found on PATH' };
  // Sauvola thresholding (thresholding_method) and the TSV confidences the words are measured by are tesseract 5's.
  if (binary.major < 5) return { ok: false, reason: `${binary.path} is tesseract ${binary.version}, older than 5` };
  let modelDir: string;
  try {
    modelDir = nativeModelDir();
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const worker = new NativeTesseractWorker({ binary: binary.path, modelDir, memoryLimitBytes: 0 });
  try {
    const page = await worker.recognize(await warmUpImage());
    if (!page.text.includes('40 hours per week')) {
      return { ok: false, reason: `${binary.path} read its start-up check line as "${page.text.slice(0, 60)}", not "${WARM_UP_TEXT}"` };
    }
  } catch (error) {
    return { ok: false, reason: `${binary.path} failed its start-up check (${(error as Error).message})` };
  } finally {
    await worker.terminate();
  }
  return { ok: true, binary: binary.path, version: binary.version, modelDir };
}
