import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts the record is set in: Liberation Sans (SIL Open Font License), as pdf.js ships it for
 * the standard fonts (pdfjs-dist's standard_fonts, installed with pdf-parse). Embedded, it shows
 * Latin (with every accent), Greek and Cyrillic names as the letter writes them; the PDF's
 * built-in Helvetica shows only the Windows-1252 set. Nothing is fetched or installed for it.
 */
export interface RecordFonts {
  regular: Buffer;
  bold: Buffer;
}

let found: RecordFonts | null = null;

export function recordFonts(): RecordFonts {
  if (found) return found;
  // The pdf.js that pdf-parse itself resolves (it pins its version), as src/extract/pdfParse.ts does.
  const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
  const directory = join(dirname(fromPdfParse.resolve('pdfjs-dist/package.json')), 'standard_fonts');
  // Read once: every record embeds the same two fonts.
  const read = (file: string) => {
    try {
      return readFileSync(join(directory, file));
    } catch {
      throw new Error(`The record's font ${join(directory, file)} is missing: reinstall the dependencies (npm ci).`);
    }
  };
  found = { regular: read('LiberationSans-Regular.ttf'), bold: read('LiberationSans-Bold.ttf') };
  return found;
}
