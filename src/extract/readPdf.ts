import { countPdfImages, type ImageSize, type PdfImageCounts } from './countPdfImages.js';
import { weightsByPdfJsName } from './pdf/fontLoadOrder.js';
import { layoutPdfPage, viewportRects, type PdfPageLayout } from './pdf/pdfPageLayout.js';
import type { PdfTextContent, PdfViewport } from './pdf/textRuns.js';
import { PDFJS_RENDER_DATA, PDFJS_TEXT_DATA, PDFParse } from './pdfParse.js';
import { DocumentEncryptedError, DocumentUnreadableError, TooManyPagesError } from '../report/errors.js';
import type { ExtractionNotice } from './extractedDocument.js';

export interface PdfTextPage {
  number: number;
  /** The page's text items laid out in blocks (plain data): what its LetterPage is built from. */
  layout: PdfPageLayout;
  imageCount: number;
  /**
   * The largest picture the page draws, by its declared size (pdf.js skips pictures past the pixel
   * limit, so a page that is one such picture reads, and renders, as blank); where the page's
   * pictures cannot be followed, the largest in the file; null when none has a readable size.
   */
  largestImage: ImageSize | null;
}

export interface PdfReadResult {
  pages: PdfTextPage[];
  notices: ExtractionNotice[];
  /** The open parser, so that pages without a text layer can be rendered for OCR; call destroy(). */
  parser: PDFParse;
  /** Bold or not, by the font names of the layouts' lines; null where the file does not tell (fontLoadOrder). */
  boldFonts: Record<string, boolean> | null;
}

// pdf.js operator codes for drawing raster images (pdfjs-dist/src/shared/util.js OPS).
const IMAGE_OPS = new Set([83 /* paintImageMaskXObject */, 85 /* paintImageXObject */, 86 /* paintInlineImageXObject */]);

interface PdfJsPage {
  ref?: { num: number } | null;
  getOperatorList(): Promise<{ fnArray: number[] }>;
  getTextContent(): Promise<PdfTextContent>;
  getViewport(options: { scale: number }): PdfViewport;
  cleanup(): void;
}

interface PdfJsDocument {
  getPage(n: number): Promise<PdfJsPage>;
  getJSActions?(): Promise<Record<string, unknown> | null>;
}

/**
 * A pdf-parse parser over the bytes, with the safe defaults set here:
 * - isEvalSupported false: pdf.js font handling once executed code from the file (CVE-2024-4367);
 * - no system fonts or network fetches: everything pdf.js needs ships in node_modules (the CMaps
 *   for reading text; for rendering, the standard fonts' outlines too: pdfParse.ts);
 * - images past the pixel limit are skipped, not decoded (a 30000 x 30000 image is 3.6 GB of RGBA).
 */
export function openPdf(bytes: Uint8Array, maxImagePixels: number, purpose: 'text' | 'render'): PDFParse {
  return new PDFParse({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(purpose === 'render' ? PDFJS_RENDER_DATA : PDFJS_TEXT_DATA),
    maxImageSize: maxImagePixels,
  });
}

/**
 * Reads the text layer of every page with pdf-parse (openPdf's safe defaults). The page count is
 * checked before any page is read, so a 10,000-page file costs nothing.
 */
export async function readPdf(bytes: Uint8Array, maxPages: number, maxImagePixels = 40_000_000): Promise<PdfReadResult> {
  const parser = openPdf(bytes, maxImagePixels, 'text');
  try {
    // The page count before any page is read: asking for page 0 opens the document and reads none
    // (getInfo would also parse the outline, metadata and page labels: 0.7 ms of a two-page letter).
    const { total } = await parser.getText({ partial: [0] });
    if (total > maxPages) throw new TooManyPagesError(`The PDF has ${total} pages; at most ${maxPages} are read.`);
    const doc = (parser as unknown as { doc: PdfJsDocument }).doc;
    // Pictures counted from the file's own objects where they can be followed; else by pdf.js, which decodes them to count them.
    const inFile = countPdfImages(bytes);
    const pages: PdfTextPage[] = [];
    const fonts = new Set<string>();
    const pageRefs: number[] = [];
    let operatorLists = false;
    for (let number = 1; number <= total; number++) {
      // One getTextContent per page (pdf-parse's getText is built on it): items with their places.
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      for (const font of Object.keys(content.styles)) fonts.add(font);
      if (page.ref) pageRefs.push(page.ref.num);
      const images = await countImages(page, inFile);
      operatorLists ||= images.fromOperatorList;
      const pictures = images.count > 0 && page.ref ? viewportRects(inFile?.placementsOnPage(page.ref.num) ?? [], viewport) : [];
      const largestOnPage = inFile && page.ref ? inFile.largestOnPage(page.ref.num) : undefined;
      pages.push({
        number,
        layout: layoutPdfPage(content, viewport, pictures),
        imageCount: images.count,
        largestImage: largestOnPage === undefined ? (inFile?.largest ?? null) : largestOnPage,
      });
      page.cleanup();
    }
    // An operator list loads the fonts of annotations too, out of the order fontLoadOrder follows.
    const boldFonts = operatorLists || pageRefs.length < total ? null : weightsByPdfJsName(inFile?.fontsInLoadOrder(pageRefs) ?? null, fonts);
    const notices: ExtractionNotice[] = [];
    if (doc?.getJSActions && (await doc.getJSActions().catch(() => null))) {
      notices.push({ code: 'DOCUMENT_HAS_SCRIPT', message: 'The PDF contains JavaScript. It was not run.' });
    }
    return { pages, notices, parser, boldFonts };
  } catch (error) {
    await parser.destroy().catch(() => undefined);
    throw toPdfProblem(error);
  }
}

async function countImages(page: PdfJsPage, inFile: PdfImageCounts | null): Promise<{ count: number; fromOperatorList: boolean }> {
  try {
    if (inFile?.total === 0) return { count: 0, fromOperatorList: false };
    const counted = page.ref ? inFile?.onPage(page.ref.num) : null;
    if (counted !== null && counted !== undefined) return { count: counted, fromOperatorList: false };
    const ops = await page.getOperatorList();
    return { count: ops.fnArray.filter((op) => IMAGE_OPS.has(op)).length, fromOperatorList: true };
  } catch {
    return { count: 0, fromOperatorList: true };
  }
}

function toPdfProblem(error: unknown): Error {
  if (error instanceof TooManyPagesError) return error;
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'PasswordException') return new DocumentEncryptedError('The PDF is protected by a password. Send a copy without a password.');
  return new DocumentUnreadableError('The PDF could not be read. It may be damaged; export it again from the original.');
}
