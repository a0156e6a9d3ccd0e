import { createRequire } from 'node:module';
import path from 'node:path';
import { PSM } from 'tesseract.js';

const require = createRequire(import.meta.url);

/**
 * The English LSTM model shipped in node_modules (@tesseract.js-data/eng), which both engines
 * read: best_int with the LSTM engine. The legacy engine read low-resolution scans far worse, and
 * without a local langPath tesseract.js would fetch the model from a CDN. Native tesseract reads
 * the same file, unpacked once (nativeModelDir), not Debian's own English model.
 */
export const ENGLISH_MODEL_DIR = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
export const ENGLISH_MODEL_FILE = path.join(ENGLISH_MODEL_DIR, 'eng.traineddata.gz');

// Auto page segmentation (the CLI's default, PSM 3): letters have letterheads, address blocks and
// signature columns, which "single block" (tesseract.js's default) reads as one run-on column.
const PAGE_SEGMENTATION = PSM.AUTO;
// Every page we pass has been scaled to about 300 dpi; PNGs carry no density tesseract trusts.
const PAGE_DPI = '300';
// Sauvola's local threshold instead of one Otsu threshold for the page: phone photos have shadows
// and uneven light, faxes speckle. On the OCR fixtures it turned the 3 wrong verdicts of 22 into
// none (a faxed "7 May" read, drawn signatures kept as marks); Leptonica's tiled Otsu (1) did worse.
const THRESHOLDING = '2';

/** How both engines read every page (and the benchmark's native yardstick too). */
export const ENGINE_PARAMETERS = {
  tessedit_pageseg_mode: PAGE_SEGMENTATION,
  user_defined_dpi: PAGE_DPI,
  thresholding_method: THRESHOLDING,
} as const;
