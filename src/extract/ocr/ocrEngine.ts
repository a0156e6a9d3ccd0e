import type { OcrPageResult } from '../ocrService.js';

/** Which engine reads the pages: Debian's native tesseract in child processes, or tesseract.js (WebAssembly) in threads. */
export type OcrEngineName = 'native' | 'wasm';

/**
 * One slot of the OCR pool: reads one prepared page at a time. The pool gives it a page, and on a
 * page that overruns its deadline terminates it and starts another in its place.
 */
export interface OcrEngineWorker {
  /** Reads one prepared page (a grayscale PNG). */
  recognize(png: Buffer): Promise<OcrPageResult>;
  /** Ends the worker at once, a page it is reading included. */
  terminate(): Promise<void>;
}

/** What the start-up log and /readyz say about the engine; never anything about a letter. */
export interface OcrEngineInfo {
  name: OcrEngineName;
  /** The engine's own version (tesseract's for native, tesseract.js-core's for wasm). */
  version: string;
  /** Native only: the binary and the read-only directory it reads the model from. */
  binary?: string;
  modelDir?: string;
  /** Native only: the resident size past which a page's process is killed, in MB. */
  memoryLimitMb?: number;
  /** Why `auto` chose this engine (e.g. no tesseract on PATH). */
  reason: string;
}
