import type { OcrWord } from './extractedDocument.js';
import type { OcrTsvRow } from './ocr/tesseractTsv.js';
import type { PreparedPage } from './ocr/preparePages.js';

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
  /** The page read better turned half round: the boxes in `tsv` are those of the turned page, not of the page as prepared. */
  turnedHalfRound?: boolean;
}

export interface OcrPageOptions {
  /** The same object for every page of one document: the pool serves documents in turn, not pages in arrival order. */
  documentKey?: object;
  /** Aborted when the request has given up: its pages still waiting for a worker are dropped. */
  signal?: AbortSignal;
}

/**
 * What the extract stage needs from OCR: recognizing pages the readers prepared. Uploaded images
 * and rendered PDF pages are decoded and cleaned by the readers (in a reader child process in the
 * service: preparePages.ts), so the engines only ever see PNGs we produced. The implementation (a
 * pool of long-lived OCR workers) lives in src/extract/ocr/ and is created once at start-up.
 */
export interface OcrService {
  /** One prepared page: an uploaded image's page or a scanned PDF page. */
  recognize(page: PreparedPage, options?: OcrPageOptions): Promise<OcrPageResult>;
  /** Resolves once the workers are loaded; readiness waits on it. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
