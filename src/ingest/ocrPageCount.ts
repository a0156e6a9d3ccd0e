import { detectImageType } from './detectImageType.js';
import { readImageSizes } from './readImageSize.js';

/**
 * Pages of an upload that will surely be read by OCR, told from its first bytes without decoding
 * anything: an image's pages (a multi-page TIFF's each, at most `maxPages`), 0 for anything else.
 * A scanned PDF is known to need OCR only once it has been read, so it counts 0 here.
 */
export function ocrPageCount(bytes: Uint8Array, maxPages: number): number {
  const type = detectImageType(bytes);
  if (!type) return 0;
  const pages = readImageSizes(bytes, type)?.length ?? 1;
  return Math.min(Math.max(1, pages), maxPages);
}
