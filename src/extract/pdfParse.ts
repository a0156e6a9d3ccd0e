import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFParse as PdfParseInstance } from 'pdf-parse';
import { pdfjsDirectory, requireFromPdfParse } from './pdfjsPackage.js';

// pdf-parse loads pdf.js's "legacy" build (the one that runs on Node 20), which bundles core-js
// and, on loading, swaps built-ins that Node already has for JavaScript versions when they miss
// a corner case of a newer standard: Array.prototype.push (the error thrown on a frozen array's
// length) and JSON.parse (the reviver's source-text argument). The swap is process-wide, so every
// push in the reader thread, pdf.js's own and the field detectors', went through a slow generic
// function: about 2 ms of a 9 ms one-page letter. Neither corner case is used by pdf.js or by us,
// so the natives are put back once both of pdf.js's bundles (the API and its in-thread "worker",
// loaded here up front so it cannot swap them again later) have run.
const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;

const { PDFParse: PdfParseClass } = await import('pdf-parse');
// The pdf.js that pdf-parse itself resolves (it pins its version), not whichever one npm hoisted.
await import(pathToFileURL(requireFromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href);

Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
JSON.parse = nativeJsonParse;

/** pdf-parse's parser, loaded with the built-ins left native. */
export const PDFParse = PdfParseClass;
export type PDFParse = PdfParseInstance;

/**
 * The data pdf.js ships for fonts a PDF names but does not embed, from the installed package.
 * In Node pdf.js reads them with fs.readFile from these paths (its NodeCMapReaderFactory and
 * NodeStandardFontDataFactory); nothing is fetched. pdf.js wants directory "URLs" that end with a slash.
 * - For reading text: the predefined CMaps (UniJIS-UCS2-H, UniGB-UCS2-H, ...; 169 files) that map a
 *   CJK font's codes to glyphs, without which such a page has no text at all. Not the standard
 *   fonts: pdf.js has the standard 14 fonts' widths built in, and loading their outlines for a
 *   letter set in plain Helvetica or Times (pdfkit's, many HR systems') cost 5.4 ms of an 8 ms read.
 * - For rendering a page for OCR: the CMaps and the standard 14 fonts' outlines, so that text
 *   drawn in them is drawn.
 */
export const PDFJS_TEXT_DATA = {
  cMapUrl: join(pdfjsDirectory, 'cmaps') + '/',
  cMapPacked: true,
} as const;

export const PDFJS_RENDER_DATA = {
  ...PDFJS_TEXT_DATA,
  standardFontDataUrl: join(pdfjsDirectory, 'standard_fonts') + '/',
} as const;
