import type { OcrWord } from './extractedDocument.js';
import type { OcrTsvRow } from './ocr/tesseractTsv.js';

export interface OcrPageResult {
  text: string;
  /** Mean word confidence, 0..1. */
  confidence: number;
  words: OcrWord[];
  /** Every row of tesseract's TSV: the page, its blocks, paragraphs, lines and words with their boxes. */
  tsv: OcrTsvRow[];
  /** Size in pixels of the page the engine read, which the boxes in `tsv` are measured on. */
  width: number;
  height: number;
}

export interface OcrPageOptions {
  /** The same object for every page of one document: the pool serves documents in turn, not pages in arrival order. */
  documentKey?: object;
  /** Aborted when the request has given up: its pages still waiting for a worker are dropped. */
  signal?: AbortSignal;
}

/**
 * What the extract stage needs from OCR. The implementation (a pool of OCR_WORKERS engine
 * workers: native tesseract processes or tesseract.js threads) lives in src/extract/ocr/ and is
 * created once at start-up.
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
