import type { FoundElements } from '../../fields/findElements.js';
import type { Letter } from '../../fields/letter.js';
import type { ZipLimits } from '../../ingest/checkZipArchive.js';
import type { EmailEnvelope, ExtractionNotice, LetterPage } from '../../document/letterDocument.js';
import type { PreparedPage } from '../ocr/preparePages.js';

/**
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

/**
 * The second task a reader takes: finding the elements in the letter's text. The field detectors
 * are regular expressions and loops over text anyone can send; some take quadratic time on
 * repetitive text (10,000 repetitions of "from June 1, 2027 to" kept one busy for minutes), so they
 * run where the deadline can stop them and the service's own thread stays free.
 */
export interface FieldsTask {
  kind: 'fields';
  letter: Letter;
}

/** Whether the readers can take a letter now; a reason a person can act on when not. */
export interface ReadersReadiness {
  ready: boolean;
  reason?: string;
}

/** Where the readers run: a pool of child processes in the service, or this thread (tests, the CLI, READER_WORKERS=0). */
export interface DocumentReaders {
  read(task: ReadTask, options?: { signal?: AbortSignal }): Promise<ReadResult>;
  findElements(letter: Letter, options?: { signal?: AbortSignal }): Promise<FoundElements>;
  /** Starts what the readers need (the child processes), so the first request does not pay for it. */
  warm(): Promise<void>;
  /** Waits for the tasks already given, then ends the readers. */
  close(): Promise<void>;
  /** Absent: always ready (the readers in this thread). */
  readiness?(): ReadersReadiness;
}

export type ReaderTask = ReadTask | FieldsTask;
/** Parent to child: one task at a time. */
export type ReaderRequest = { id: number; task: ReaderTask };
/** Child to parent: ready once its parsers are loaded, then one reply per task. */
export type ReaderReply =
  | { ready: true }
  /**
   * `elements`: for a document read from its text layer alone (no page for OCR), the field detectors
   * have run on it in the same task, saving the letter a second trip between the processes.
   */
  | { id: number; ok: true; result: ReadResult | FoundElements; elements?: FoundElements }
  | { id: number; ok: false; error: { code: string; message: string } };
