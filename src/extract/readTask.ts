import type { ZipLimits } from '../ingest/checkZipArchive.js';
import type { EmailEnvelope, ExtractionNotice, LetterPage } from '../document/letterDocument.js';
import type { PreparedPage } from './ocr/preparePages.js';

/**
 * What extract asks of a reader, and what a reader gives back: plain data, so that a reader can
 * run in another process (src/isolation) or in this thread (readInThisThread).
 *
 * The kinds read by the isolated readers: everything a parser or a decoder opens. Plain text is not
 * (it is only decoded); an image is decoded and made into pages for OCR there, so that sharp,
 * libvips and the HEIC decoder meet the uploaded bytes only where a runaway costs a reader.
 */
export type IsolatedKind = 'pdf' | 'docx' | 'doc' | 'email' | 'msg' | 'image';

export interface ReaderLimits extends ZipLimits {
  maxBytes: number;
  maxPages: number;
  maxTextChars: number;
  maxImagePixels: number;
  /** All of a PDF's compressed streams, decoded (MAX_PDF_DECODED_BYTES). */
  maxPdfDecodedBytes: number;
}

export interface ReadTask {
  kind: IsolatedKind;
  mediaType: string;
  bytes: Uint8Array;
  limits: ReaderLimits;
  /** OCR is available: pages without a text layer come back rendered and prepared for it. */
  renderScannedPages: boolean;
}

/** A page as the reader found it: its text layer, and the page prepared for OCR when that layer is missing or thin and OCR can read it. */
export interface LayerPage {
  /**
   * The page built from its text layer, in the reader (for a scanned page: whatever little it has,
   * to compare with OCR's reading; an empty page for an image). Plain data: it crosses from the
   * reader child by structured clone.
   */
  page: LetterPage;
  /**
   * The page as the OCR engine gets it (preparePages.ts: a grayscale PNG we produced, upright, text
   * at about 300 dpi); null when the text layer is the text. OCR never sees the uploaded bytes.
   */
  scan: PreparedPage | null;
}

export interface ReadResult {
  pages: LayerPage[];
  email: EmailEnvelope | null;
  notices: ExtractionNotice[];
}

/** What extract needs from a reader: the layered pages of one document. */
export interface DocumentReader {
  read(task: ReadTask, options?: { signal?: AbortSignal }): Promise<ReadResult>;
}
