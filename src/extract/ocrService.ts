import type { OcrWord } from './extractedDocument.js';

export interface OcrPageResult {
  text: string;
  /** Mean word confidence, 0..1. */
  confidence: number;
  words: OcrWord[];
}

/**
 * What the extract stage needs from OCR. The implementation (a pool of long-lived
 * tesseract.js workers) lives in src/extract/ocr/ and is created once at start-up.
 */
export interface OcrService {
  /** Every page of an image upload (a multi-page TIFF gives several), cleaned and recognized. */
  readImage(bytes: Uint8Array, mediaType: string): Promise<OcrPageResult[]>;
  /** One PDF page rendered to PNG. */
  readRenderedPage(png: Uint8Array): Promise<OcrPageResult>;
  /** Resolves once the workers are loaded; readiness waits on it. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
