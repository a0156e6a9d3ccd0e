import type { FoundElements } from '../../fields/findElements.js';
import type { Letter } from '../../fields/letter.js';
import type { ZipLimits } from '../../ingest/checkZipArchive.js';
import type { EmailEnvelope, ExtractionNotice, LetterPage } from '../../document/letterDocument.js';

/** The kinds read by the isolated readers: everything with a parser behind it. Text and images are not. */
export type IsolatedKind = 'pdf' | 'docx' | 'doc' | 'email' | 'msg';

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
  /** OCR is available: pages without a text layer come back rendered as PNG for it. */
  renderScannedPages: boolean;
}

/** A page as the reader found it: its text layer, and the rendered page when that layer is missing or thin and OCR can read it. */
export interface LayerPage {
  /** The page built from its text layer (for a scanned page: whatever little it has, to compare with OCR's reading). */
  page: LetterPage;
  /** PNG of the page at about 300 dpi, for OCR in the main thread; null when the text layer is the text. */
  scan: Uint8Array | null;
}

export interface ReadResult {
  pages: LayerPage[];
  email: EmailEnvelope | null;
  notices: ExtractionNotice[];
}

/**
 * The second task a worker takes: finding the elements in the letter's text. The field detectors
 * are regular expressions and loops over text anyone can send; some take quadratic time on
 * repetitive text (10,000 repetitions of "from June 1, 2027 to" kept one busy for minutes), so they
 * run where the watchdog can stop them and the service's own thread stays free.
 */
export interface FieldsTask {
  kind: 'fields';
  letter: Letter;
}

/** Where the readers run: a pool of worker threads in the service, or this thread (tests, READER_WORKERS=0). */
export interface DocumentReaders {
  read(task: ReadTask, options?: { signal?: AbortSignal }): Promise<ReadResult>;
  findElements(letter: Letter, options?: { signal?: AbortSignal }): Promise<FoundElements>;
  /** Starts what the readers need (worker threads), so the first request does not pay for it. */
  warm(): Promise<void>;
  /** Waits for the tasks already given, then ends the workers. */
  close(): Promise<void>;
}

export type WorkerTask = ReadTask | FieldsTask;
export type WorkerRequest = { id: number; task: WorkerTask };
export type WorkerReply =
  | { id: number; ok: true; result: ReadResult | FoundElements }
  | { id: number; ok: false; error: { code: string; message: string } };
