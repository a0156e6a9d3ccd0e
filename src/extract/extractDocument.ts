import type { DocumentPart } from '../document/letterDocument.js';
import type { IngestedDocument, IngestLimits } from '../ingest/ingestDocument.js';
import { decodeText } from '../ingest/textEncoding.js';
import { DocumentEmptyError, TextTooLongError, UnsupportedMediaTypeError } from '../report/errors.js';
import type { ExtractedDocument, ExtractedPage } from './extractedDocument.js';
import { pageFromOcr } from './layout/pageFromOcr.js';
import { pageFromText } from './layout/pageFromText.js';
import { MIN_TEXT_LAYER_CHARS, visibleLength } from './readDocumentLayers.js';
import { readInThisThread } from './readInThisThread.js';
import type { DocumentReader, LayerPage } from './readTask.js';
import type { OcrService } from './ocrService.js';

export interface ExtractOptions {
  limits: IngestLimits & { maxPages: number; maxTextChars: number; maxPdfDecodedBytes?: number };
  /** null where OCR is switched off: images and scanned pages are then refused, not guessed. */
  ocr: OcrService | null;
  /** Aborted when the request has given up: the reader worker is stopped, pages still waiting for OCR are dropped. */
  signal?: AbortSignal;
  /**
   * Where the parsers and image decoders (pdf.js, mammoth, mailparser, msgreader, sharp) run: the
   * checker passes its pool of capped child processes; absent, this thread. OCR always runs here,
   * on the pages they prepare.
   */
  readers?: DocumentReader;
}

// The settings' defaults, for callers that build limits by hand.
const DEFAULT_MAX_IMAGE_PIXELS = 40_000_000;
const DEFAULT_MAX_PDF_DECODED_BYTES = 512 * 1024 * 1024;

/** Document to pages of text, each with its source: the text layer or OCR. */
export async function extractDocument(doc: IngestedDocument, options: ExtractOptions): Promise<ExtractedDocument> {
  const result = await extractByKind(doc, options);
  const characters = result.pages.reduce((n, p) => n + p.text.length, 0);
  if (characters > options.limits.maxTextChars) {
    throw new TextTooLongError(`The document has ${characters} characters of text; a letter has a few thousand (limit ${options.limits.maxTextChars}).`);
  }
  if (result.pages.every((p) => visibleLength(p.text) === 0)) throw new DocumentEmptyError('No text could be found in the document.');
  return { ...result, notices: [...doc.notices, ...result.notices] };
}

async function extractByKind(doc: IngestedDocument, options: ExtractOptions): Promise<ExtractedDocument> {
  if (doc.kind === 'text') {
    return { mediaType: doc.mediaType, pages: [pageFromText(decodeText(doc.bytes, doc.encoding ?? 'utf-8'))], email: null, notices: [] };
  }
  // An image is decoded and prepared by the readers, then read by OCR like a scanned page.
  if (doc.kind === 'image' && !options.ocr) throw new UnsupportedMediaTypeError('Images need OCR, which is switched off on this server (OCR_WORKERS=0).');
  const readers = options.readers ?? readInThisThread;
  const read = await readers.read(
    {
      kind: doc.kind,
      mediaType: doc.mediaType,
      bytes: doc.bytes,
      limits: {
        ...options.limits,
        maxImagePixels: options.limits.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
        maxPdfDecodedBytes: options.limits.maxPdfDecodedBytes ?? DEFAULT_MAX_PDF_DECODED_BYTES,
      },
      renderScannedPages: options.ocr !== null,
    },
    { signal: options.signal },
  );
  return { mediaType: doc.mediaType, pages: await readScannedPages(read.pages, options), email: read.email, notices: read.notices };
}

/**
 * Pages the reader prepared for OCR (an image's pages; PDF pages with no text layer, or a thin one
 * over pictures) go to the OCR pool, all at once as one document so the pool serves documents in
 * turn; the first failure gives up the pages still waiting. A page with any text layer keeps it
 * unless OCR finds clearly more (a closing page with a signature image, or a short last page,
 * reads the same both ways and stays a text page).
 */
async function readScannedPages(layers: LayerPage[], options: ExtractOptions): Promise<ExtractedPage[]> {
  const failed = new AbortController();
  const ocrOptions = { documentKey: {}, signal: options.signal ? AbortSignal.any([options.signal, failed.signal]) : failed.signal };
  const reading = layers.map(async ({ page, scan }, index): Promise<ExtractedPage> => {
    if (!scan || !options.ocr) return page;
    const visible = visibleLength(page.text);
    const r = await options.ocr.recognize(scan, ocrOptions);
    // Any text layer, however short (a last page of "Sincerely," and a company name), stays unless
    // OCR finds clearly more: what the PDF says it wrote beats what OCR reads of its picture.
    if (visible > 0 && visibleLength(r.text) < visible * 1.5 + MIN_TEXT_LAYER_CHARS) return page;
    // The first page of the letter, or of an attachment, is where a letterhead sits.
    const opensDocument = index === 0 || !samePart(layers[index - 1].page.part, page.part);
    // Marks were measured on the page as prepared; the words may have been read on it turned half round.
    const marks = r.turnedHalfRound ? (scan.marks ?? []).map((m) => ({ ...m, left: r.width - m.left - m.width, top: r.height - m.top - m.height })) : (scan.marks ?? []);
    return pageFromOcr({ number: page.number, part: page.part, rows: r.tsv, width: r.width, height: r.height, size: page.size, confidence: r.confidence, imageCount: page.imageCount, opensDocument, marks });
  });
  // Handled at once so a page failing while others are read is not an unhandled rejection.
  for (const read of reading) read.catch(() => failed.abort());
  return Promise.all(reading);
}

function samePart(a: DocumentPart, b: DocumentPart): boolean {
  return a.kind === b.kind && a.fileName === b.fileName;
}
