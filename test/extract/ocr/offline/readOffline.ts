// Run by offline.test.ts in a child process with blockNetwork.mjs preloaded: starts the OCR
// service with the engine OCR_ENGINE names, reads one page, prints what it read as JSON, and shuts down.
import { createOcrService } from '../../../../src/extract/ocr/createOcrService.js';
import { prepareImagePages } from '../../../../src/extract/ocr/preparePages.js';
import { letterImage } from '../letterImage.js';

const engine = process.env.OCR_ENGINE === 'native' ? 'native' : 'wasm';
const ocr = createOcrService({ OCR_WORKERS: 1, OCR_PAGE_TIMEOUT_MS: 60_000, MAX_IMAGE_PIXELS: 40_000_000, MAX_PAGES: 20, OCR_ENGINE: engine });
try {
  await ocr.ready();
  const [prepared] = await prepareImagePages(await letterImage({ dpi: 150, format: 'jpeg' }), 'image/jpeg', { maxPixels: 40_000_000, maxPages: 20 });
  const page = await ocr.recognize(prepared);
  process.stdout.write(JSON.stringify({ text: page.text, confidence: page.confidence, engine: (await ocr.engine()).name }));
} finally {
  await ocr.close();
}
