// npm run bench: speed and memory figures (never asserted in tests). `--text`, `--structure` or `--ocr` runs one part.
import { existsSync } from 'node:fs';
import { benchPdfStructure } from './bench/pdfStructure.js';
import { benchTextFormats } from './bench/textFormats.js';

const only = process.argv.slice(2);
const want = (part: string) => only.length === 0 || only.includes(`--${part}`);

if (want('text')) {
  console.log('== text formats (issue: the service end to end) ==');
  await benchTextFormats();
}
if (want('structure')) {
  console.log('\n== what the structured document costs a PDF page ==');
  await benchPdfStructure();
}
if (want('ocr')) {
  const ocrBench = new URL('./bench/ocr.ts', import.meta.url);
  if (existsSync(ocrBench)) {
    console.log('\n== OCR ==');
    await import(ocrBench.href);
  } else {
    console.log('\n(OCR bench not present)');
  }
}
