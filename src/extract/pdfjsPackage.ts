import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * Resolves modules the way pdf-parse does: the pdf.js that pdf-parse itself depends on (it pins
 * its version), not whichever one npm hoisted. The reader and the web form's page view use the
 * same pdf.js, so the page a student sees is drawn by the code that read it. Loading this module
 * loads no pdf.js.
 */
export const requireFromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));

/** The installed pdfjs-dist package's folder (its builds, CMaps and standard fonts). */
export const pdfjsDirectory = dirname(requireFromPdfParse.resolve('pdfjs-dist/package.json'));
