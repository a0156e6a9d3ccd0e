import { checkPdfStreams } from '../ingest/checkPdfStreams.js';
import { checkZipArchive } from '../ingest/checkZipArchive.js';
import { inflateZipEntries } from '../ingest/inflateZipEntries.js';
import { ingestDocument, type IngestedDocument } from '../ingest/ingestDocument.js';
import { inspectDocxParts } from '../ingest/inspectDocxParts.js';
import { DocumentUnreadableError, ImageTooLargeError, TextTooLongError, TooManyPagesError } from '../report/errors.js';
import type { DocumentPart, ExtractionNotice } from '../document/letterDocument.js';
import { PageBuilder } from './layout/pageBuilder.js';
import type { PrepareLimits } from './ocr/preparePages.js';
import { letterPagesFromPdf } from './pdf/letterPagesFromPdf.js';
import type { EmailReadResult } from './readEmail.js';
import type { LayerPage, ReadResult, ReadTask, ReaderLimits } from './readTask.js';

// A page with fewer visible characters than this has no usable text layer (a scan, or a scan
// with a stamped header): it is rendered and OCR-read instead.
export const MIN_TEXT_LAYER_CHARS = 40;
// A page with pictures and little more text than that may be a typed letterhead over a scanned
// body: it is rendered for OCR too, and extractDocument keeps the OCR text only if it finds
// clearly more than the layer.
export const THIN_TEXT_LAYER_CHARS = 250;
// PDF user space is 72 units per inch; OCR reads best at about 300 dpi.
const OCR_DPI = 300;

/**
 * Everything that runs a parser or a decoder over the upload: pdf.js, mammoth and jszip, mailparser,
 * msgreader, and sharp and the HEIC decoder for images and rendered pages. In the service this runs
 * inside a reader child process (readerChild.ts) with a heap cap, a memory ceiling and a deadline,
 * so a document that makes a parser loop or balloon costs that child, never the service. The
 * readers are loaded on first use (the child loads them all before it says it is ready).
 */
export async function readDocumentLayers(task: ReadTask): Promise<ReadResult> {
  const budget = new Budget(task.limits);
  switch (task.kind) {
    case 'pdf':
      return { ...(await readPdfLayers(task.bytes, task, budget, 1, BODY)), email: null };
    case 'docx':
      return { ...(await readDocxLayers(task.bytes, budget, 1, BODY)), email: null };
    case 'doc': {
      const { readDocPage } = await import('./doc/readDocPage.js');
      const page: LayerPage = { page: await readDocPage(task.bytes, { number: 1, part: BODY }), scan: null };
      budget.add(page.page);
      return { pages: [page], email: null, notices: [] };
    }
    case 'email': {
      const { readEmail } = await import('./readEmail.js');
      return readEmailLayers(await readEmail(task.bytes), task, budget);
    }
    case 'msg': {
      const { readMsg } = await import('./readMsg.js');
      return readEmailLayers(readMsg(task.bytes), task, budget);
    }
    case 'image':
      return { pages: await readImageLayers(task, budget), email: null, notices: [] };
  }
}

const BODY: DocumentPart = { kind: 'body', fileName: null };

/**
 * An uploaded photo or scan: every page (a TIFF may have several) decoded and prepared for OCR. It
 * has no text layer: its page is empty until OCR reads it. The whole page is a picture, so a
 * signature in it is part of the scan, not a separate image.
 */
async function readImageLayers(task: ReadTask, budget: Budget): Promise<LayerPage[]> {
  const { prepareImagePages } = await import('./ocr/preparePages.js');
  const prepared = await prepareImagePages(task.bytes, task.mediaType, prepareLimits(task.limits));
  return prepared.map((scan, i) => {
    const page: LayerPage = { page: new PageBuilder({ number: i + 1, part: BODY, imageCount: 0 }).build(), scan };
    budget.add(page.page);
    return page;
  });
}

function prepareLimits(limits: ReaderLimits): PrepareLimits {
  return { maxPixels: limits.maxImagePixels, maxPages: limits.maxPages };
}

/** Pages and characters across the whole upload (an email and its attachments share them). */
class Budget {
  pages = 0;
  characters = 0;
  constructor(readonly limits: ReaderLimits) {}

  get pagesLeft(): number {
    return Math.max(1, this.limits.maxPages - this.pages);
  }

  add(page: { text: string }): void {
    this.pages += 1;
    this.characters += page.text.length;
    if (this.pages > this.limits.maxPages) throw new TooManyPagesError(`The document has more than ${this.limits.maxPages} pages; at most ${this.limits.maxPages} are read.`);
    if (this.characters > this.limits.maxTextChars) {
      throw new TextTooLongError(`The document has more than ${this.limits.maxTextChars} characters of text; a letter has a few thousand.`);
    }
  }
}

interface PdfPageProxy {
  getViewport(options: { scale: number }): { width: number; height: number };
  getAnnotations(): Promise<{ actions?: Record<string, unknown>; action?: string; unsafeUrl?: string }[]>;
}
interface PdfDocumentProxy {
  getPage(n: number): Promise<PdfPageProxy>;
  getJSActions?(): Promise<Record<string, unknown> | null>;
  hasJSActions?(): Promise<boolean>;
}

async function readPdfLayers(
  bytes: Uint8Array,
  task: ReadTask,
  budget: Budget,
  firstNumber: number,
  part: DocumentPart,
): Promise<{ pages: LayerPage[]; notices: ExtractionNotice[] }> {
  // pdf.js decodes streams outside the heap cap: measure them first, capped and thrown away.
  await checkPdfStreams(bytes, { maxStreamBytes: 4 * task.limits.maxImagePixels, maxTotalBytes: task.limits.maxPdfDecodedBytes });
  const { openPdf, readPdf } = await import('./readPdf.js');
  const { pages: textPages, notices, parser, boldFonts } = await readPdf(bytes, budget.pagesLeft, task.limits.maxImagePixels);
  // Scanned pages are drawn by a parser of their own, which loads the standard fonts' outlines that
  // reading text does without (pdfParse.ts); a letter with a text layer never opens it.
  let renderer: ReturnType<typeof openPdf> | null = null;
  try {
    const doc = (parser as unknown as { doc?: PdfDocumentProxy }).doc;
    const built = letterPagesFromPdf(
      textPages.map((p) => p.layout),
      { firstNumber, part, imageCounts: textPages.map((p) => p.imageCount), boldFonts },
    );
    const pages: LayerPage[] = [];
    for (const [index, page] of textPages.entries()) {
      const layer: LayerPage = { page: built[index], scan: null };
      const visible = visibleLength(layer.page.text);
      const scanned = visible < MIN_TEXT_LAYER_CHARS || (page.imageCount > 0 && visible < THIN_TEXT_LAYER_CHARS);
      if (scanned) refuseOversizedPicture(page, task.limits.maxImagePixels);
      if (scanned && task.renderScannedPages && doc) {
        const scale = await renderScale(doc, page.number, task.limits.maxImagePixels);
        renderer ??= openPdf(bytes, task.limits.maxImagePixels, 'render');
        const shot = await renderer.getScreenshot({ partial: [page.number], scale, imageDataUrl: false, imageBuffer: true });
        const png = shot.pages[0]?.data;
        if (!png) throw new DocumentUnreadableError(`Page ${page.number} of the PDF could not be rendered.`);
        const { prepareRenderedPage } = await import('./ocr/preparePages.js');
        layer.scan = await prepareRenderedPage(png, prepareLimits(task.limits));
      }
      budget.add(layer.page);
      pages.push(layer);
    }
    if (!notices.some((n) => n.code === 'DOCUMENT_HAS_SCRIPT') && (await pdfHasScript(bytes, doc, textPages.length))) {
      notices.push({ code: 'DOCUMENT_HAS_SCRIPT', message: 'The PDF contains JavaScript. It was not run.' });
    }
    return { pages, notices };
  } finally {
    await Promise.all([parser.destroy().catch(() => undefined), renderer?.destroy().catch(() => undefined)]);
  }
}

/**
 * A page whose text must come from its pictures, when one of them has more pixels than the limit:
 * pdf.js skips such a picture (decoding it could take gigabytes), so the page would render blank
 * and be reported as having no text. It is refused by name instead, as an image upload that
 * large is; the student can scan or export that page again at an ordinary resolution.
 */
function refuseOversizedPicture(page: { number: number; largestImage: { width: number; height: number } | null }, maxPixels: number): void {
  const picture = page.largestImage;
  if (!picture || picture.width * picture.height <= maxPixels) return;
  throw new ImageTooLargeError(
    `Page ${page.number} of the PDF is a picture of ${picture.width} x ${picture.height} pixels; at most ${(maxPixels / 1e6).toFixed(0)} megapixels are read. Scan or export that page again at 300 dpi (about 8.4 megapixels for a letter page).`,
  );
}

/** 300 dpi, or less when the page is so large that 300 dpi would pass the pixel limit OCR accepts. */
async function renderScale(doc: PdfDocumentProxy, pageNumber: number, maxPixels: number): Promise<number> {
  const { width, height } = (await doc.getPage(pageNumber)).getViewport({ scale: 1 });
  const wanted = OCR_DPI / 72;
  const area = Math.max(1, width * height);
  // 2% headroom: the renderer rounds each side up.
  return Math.min(wanted, Math.sqrt((maxPixels * 0.98) / area));
}

/**
 * JavaScript anywhere: the document's own actions (pdf.js getJSActions), form fields (hasJSActions),
 * links and annotations, and, for files whose objects pdf.js never reaches, the raw names /JS and
 * /JavaScript. Nothing is ever run: pdf.js's scripting is off.
 */
async function pdfHasScript(bytes: Uint8Array, doc: PdfDocumentProxy | undefined, pageCount: number): Promise<boolean> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/\/(?:JS|JavaScript)(?=[\s/<(\[>])/.test(raw)) return true;
  if (!doc) return false;
  try {
    if (await doc.hasJSActions?.()) return true;
    if (await doc.getJSActions?.()) return true;
    for (let n = 1; n <= pageCount; n++) {
      const annotations = await (await doc.getPage(n)).getAnnotations();
      if (annotations.some((a) => (a.actions && Object.keys(a.actions).length > 0) || /^\s*javascript:/i.test(a.unsafeUrl ?? ''))) return true;
    }
  } catch {
    // A damaged annotation is not a script.
  }
  return false;
}

async function readDocxLayers(bytes: Uint8Array, budget: Budget, number: number, part: DocumentPart): Promise<{ pages: LayerPage[]; notices: ExtractionNotice[] }> {
  // The directory is checked again here: the reader does not trust what it is told about the bytes.
  const entries = checkZipArchive(bytes, budget.limits);
  const parts = inflateZipEntries(bytes, entries, budget.limits);
  try {
    const notices = inspectDocxParts(parts);
    const { readDocxPage } = await import('./docx/readDocxPage.js');
    const page: LayerPage = { page: readDocxPage(parts, { number, part }), scan: null };
    budget.add(page.page);
    return { pages: [page], notices };
  } finally {
    parts.clear();
  }
}

/**
 * The body is page 1; an attached PDF or Word offer follows as pages 2..n. The email's own
 * headers stay with the document: they make it an "official email" even when the letter is attached.
 */
async function readEmailLayers(mail: EmailReadResult, task: ReadTask, budget: Budget): Promise<ReadResult> {
  const { emailPage } = await import('./email/emailPage.js');
  const first: LayerPage = { page: emailPage(mail, { maxTextChars: task.limits.maxTextChars }), scan: null };
  budget.add(first.page);
  const pages: LayerPage[] = [first];
  const notices: ExtractionNotice[] = [];
  for (const attachment of mail.attachments) {
    let inner: IngestedDocument;
    try {
      inner = ingestDocument(attachment.bytes, null, task.limits, { declaredName: attachment.filename });
    } catch {
      continue; // an attachment we cannot read (a logo, a vCard) is not the letter
    }
    if (inner.kind !== 'pdf' && inner.kind !== 'docx') continue;
    const part: DocumentPart = { kind: 'attachment', fileName: attachment.filename };
    const read = inner.kind === 'pdf' ? await readPdfLayers(inner.bytes, task, budget, pages.length + 1, part) : await readDocxLayers(inner.bytes, budget, pages.length + 1, part);
    pages.push(...read.pages);
    notices.push(...inner.notices, ...read.notices);
  }
  return { pages, email: mail.envelope, notices: uniqueByCode(notices) };
}

function uniqueByCode(notices: ExtractionNotice[]): ExtractionNotice[] {
  const seen = new Set<string>();
  return notices.filter((n) => !seen.has(n.code) && seen.add(n.code));
}

export function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}
