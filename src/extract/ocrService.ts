import type { OcrWord } from './extractedDocument.js';

export interface OcrPageResult {
  text: string;
  /** Mean word confidence, 0..1. */
  confidence: number;
  words: OcrWord[];
}

export interface OcrPageOptions {
  /** The same object for every page of one document: the pool serves documents in turn, not pages in arrival order. */
  documentKey?: object;
  /** Aborted when the request has given up: its pages still waiting for a worker are dropped. */
  signal?: AbortSignal;
}

/**
 * What the extract stage needs from OCR. The implementation (a pool of long-lived
 * tesseract.js workers) lives in src/extract/ocr/ and is created once at start-up.
 */
export interface OcrService {
  /** Every page of an image upload (a multi-page TIFF gives several), cleaned and recognized. */
  readImage(bytes: Uint8Array, mediaType: string, options?: OcrPageOptions): Promise<OcrPageResult[]>;
  /** One PDF page rendered to PNG. */
  readRenderedPage(png: Uint8Array, options?: OcrPageOptions): Promise<OcrPageResult>;
  /** Resolves once the workers are loaded; readiness waits on it. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
