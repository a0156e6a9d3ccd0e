import { countPdfImages, type ImageSize, type PdfImageCounts } from './countPdfImages.js';
import { PDFJS_DATA, PDFParse } from './pdfParse.js';
import { DocumentEncryptedError, DocumentUnreadableError, TooManyPagesError } from '../report/errors.js';
import type { ExtractionNotice } from './extractedDocument.js';

export interface PdfTextPage {
  number: number;
  text: string;
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
}

// pdf.js operator codes for drawing raster images (pdfjs-dist/src/shared/util.js OPS).
const IMAGE_OPS = new Set([83 /* paintImageMaskXObject */, 85 /* paintImageXObject */, 86 /* paintInlineImageXObject */]);

interface PdfJsDocument {
  getPage(n: number): Promise<{ ref?: { num: number } | null; getOperatorList(): Promise<{ fnArray: number[] }> }>;
  getJSActions?(): Promise<Record<string, unknown> | null>;
}

/**
 * Reads the text layer of every page with pdf-parse. Safe defaults, set here:
 * - isEvalSupported false: pdf.js font handling once executed code from the file (CVE-2024-4367);
 * - no system fonts or network fetches: everything pdf.js needs ships in node_modules, the
 *   CMaps and standard fonts for fonts that are not embedded included (PDFJS_DATA);
 * - the page count is checked before any page is read, so a 10,000-page file costs nothing.
 */
export async function readPdf(bytes: Uint8Array, maxPages: number, maxImagePixels = 40_000_000): Promise<PdfReadResult> {
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
    ...PDFJS_DATA,
    // Images past the pixel limit are skipped, not decoded (a 30000 x 30000 image is 3.6 GB of RGBA).
    maxImageSize: maxImagePixels,
  });
  try {
    // The page count before any page is read: asking for page 0 opens the document and reads none
    // (getInfo would also parse the outline, metadata and page labels: 0.7 ms of a two-page letter).
    const { total } = await parser.getText({ partial: [0] });
    if (total > maxPages) throw new TooManyPagesError(`The PDF has ${total} pages; at most ${maxPages} are read.`);
    const text = await parser.getText({ pageJoiner: '' });
    const doc = (parser as unknown as { doc?: PdfJsDocument }).doc;
    // Pictures counted from the file's own objects where they can be followed; else by pdf.js, which decodes them to count them.
    const inFile = countPdfImages(bytes);
    const pages: PdfTextPage[] = [];
    for (const page of text.pages) {
      // The page's object number, to look it up among the file's objects (where there are pictures to look for).
      const ref = doc && inFile && inFile.total > 0 ? await pageRef(doc, page.num) : null;
      const largestOnPage = inFile && ref !== null ? inFile.largestOnPage(ref) : undefined;
      pages.push({
        number: page.num,
        text: page.text,
        imageCount: doc ? await countImages(doc, page.num, ref, inFile) : 0,
        largestImage: largestOnPage === undefined ? (inFile?.largest ?? null) : largestOnPage,
      });
    }
    const notices: ExtractionNotice[] = [];
    if (doc?.getJSActions && (await doc.getJSActions().catch(() => null))) {
      notices.push({ code: 'DOCUMENT_HAS_SCRIPT', message: 'The PDF contains JavaScript. It was not run.' });
    }
    return { pages, notices, parser };
  } catch (error) {
    await parser.destroy().catch(() => undefined);
    throw toPdfProblem(error);
  }
}

/** The page's object number (pdf.js's page.ref), to find it among the file's objects. */
async function pageRef(doc: PdfJsDocument, pageNumber: number): Promise<number | null> {
  try {
    return (await doc.getPage(pageNumber)).ref?.num ?? null;
  } catch {
    return null;
  }
}

async function countImages(doc: PdfJsDocument, pageNumber: number, ref: number | null, inFile: PdfImageCounts | null): Promise<number> {
  try {
    if (inFile?.total === 0) return 0;
    const counted = ref !== null ? inFile?.onPage(ref) : null;
    if (counted !== null && counted !== undefined) return counted;
    const ops = await (await doc.getPage(pageNumber)).getOperatorList();
    return ops.fnArray.filter((op) => IMAGE_OPS.has(op)).length;
  } catch {
    return 0;
  }
}

function toPdfProblem(error: unknown): Error {
  if (error instanceof TooManyPagesError) return error;
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'PasswordException') return new DocumentEncryptedError('The PDF is protected by a password. Send a copy without a password.');
  return new DocumentUnreadableError('The PDF could not be read. It may be damaged; export it again from the original.');
}
