import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { DocumentUnreadableError, ImageTooLargeError, TooManyPagesError } from '../../report/errors.js';
import { decodeBmp } from './decodeBmp.js';
import { decodeHeic } from './decodeHeic.js';
import { findInkMarks, type InkMark } from './inkMarks.js';
import { measurePageGeometry, type PageGeometry } from './pageGeometry.js';

// Every page is decoded and cleaned once (in a reader child, in the service): libvips's operation
// cache (up to 50 MB of pixels by default) would only hold on to pages already read.
sharp.cache(false);

export interface PrepareLimits {
  /** Pixels of one decoded page (MAX_IMAGE_PIXELS); larger is refused before it is decoded. */
  maxPixels: number;
  /** Pages of a multi-page TIFF (MAX_PAGES). */
  maxPages: number;
}

/** One page ready for the OCR engine: grayscale PNG, upright, level, text at about 300 dpi. */
export interface PreparedPage {
  png: Buffer;
  width: number;
  height: number;
  geometry: PageGeometry;
  /** The factor the page was resized by to bring its text to the engine's preferred size. */
  scale: number;
  /** Where the page has ink, in its pixels: what OCR leaves unread (a drawn signature, a rule) is among them. */
  marks: InkMark[];
}

// Measuring is done on a copy this size: enough for tenths of a degree, cheap to scan in JS.
const ANALYSIS_SIZE = 1400;
// Median ink height of a text line (as pageGeometry measures it) for 11-12 pt type at 300 dpi,
// the resolution the engine's models suit best.
const TARGET_LINE_HEIGHT = 25;
// Resample only when it pays: upscale small photos and faxes, shrink oversized scans.
const UPSCALE_ABOVE = 1.2;
const DOWNSCALE_BELOW = 0.6;
const MAX_UPSCALE = 3;
// Whatever the scaling, the engine never gets more than this (a 300-dpi letter page is 8.4 MP).
const MAX_OCR_PIXELS = 16_000_000;

/**
 * Turns an uploaded image into pages for OCR. Everything leaves as PNG (the engine reads no
 * Deflate TIFF, no HEIC, no PDF); every page is put upright by its EXIF orientation, turned by
 * quarter turns and straightened by its measured skew, made grayscale with stretched contrast, and
 * resized so its text is the size of 300-dpi print.
 */
export async function prepareImagePages(bytes: Uint8Array, mediaType: string, limits: PrepareLimits): Promise<PreparedPage[]> {
  if (mediaType === 'image/heic') {
    const { data, width, height } = await decodeHeic(bytes, limits.maxPixels);
    return [await preparePage(sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: limits.maxPixels }), limits)];
  }
  if (mediaType === 'image/bmp') {
    const { data, width, height } = decodeBmp(bytes, limits.maxPixels);
    return [await preparePage(sharp(data, { raw: { width, height, channels: 1 }, limitInputPixels: limits.maxPixels }), limits)];
  }
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const metadata = await readMetadata(input, limits);
  // Only TIFF pages are pages of a letter; an animated GIF's or WebP's frames are not.
  const pageCount = metadata.format === 'tiff' ? (metadata.pages ?? 1) : 1;
  if (pageCount > limits.maxPages) throw new TooManyPagesError(`The TIFF has ${pageCount} pages; at most ${limits.maxPages} are read.`);
  const pages: PreparedPage[] = [];
  for (let page = 0; page < pageCount; page++) {
    pages.push(await preparePage(sharp(input, { page, limitInputPixels: limits.maxPixels, failOn: 'truncated' }).autoOrient(), limits));
  }
  return pages;
}

/** A PDF page rendered to PNG: no EXIF, no pages, but a scan inside a PDF can be skewed or turned. */
export async function prepareRenderedPage(png: Uint8Array, limits: PrepareLimits): Promise<PreparedPage> {
  const input = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  await readMetadata(input, limits);
  return preparePage(sharp(input, { limitInputPixels: limits.maxPixels }), limits);
}

async function readMetadata(input: Buffer, limits: PrepareLimits): Promise<Metadata> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch {
    throw unreadable();
  }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > limits.maxPixels) throw tooLarge(metadata.width, metadata.height, limits.maxPixels);
  return metadata;
}

async function preparePage(image: Sharp, limits: PrepareLimits): Promise<PreparedPage> {
  let gray: { data: Buffer; info: OutputInfo };
  try {
    // Flatten first: a transparent background would otherwise turn black and hide the text.
    gray = await image.flatten({ background: '#ffffff' }).grayscale().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw toProblem(error, limits);
  }
  const { width, height } = gray.info;
  const raw = { raw: { width, height, channels: gray.info.channels } } as const;
  const small = await sharp(gray.data, raw)
    .resize({ width: ANALYSIS_SIZE, height: ANALYSIS_SIZE, fit: 'inside', withoutEnlargement: true })
    // sharp takes one-channel raw input for sRGB unless told: keep every step one channel.
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const analysisScale = small.info.width / width;
  const geometry = measurePageGeometry({ data: small.data, width: small.info.width, height: small.info.height });
  const scale = chooseScale(geometry, analysisScale, width, height);
  const levels = contrastStretch(small.data);

  let page = sharp(gray.data, raw);
  if (Math.abs(geometry.rotation) >= 0.3) {
    // Turned on its own: a few degrees widen the canvas, and the resize below must start from that size.
    const rotated = await page
      .rotate(geometry.rotation, { background: { r: 255, g: 255, b: 255 } })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    page = sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: 1 } });
    if (scale !== 1) page = page.resize({ width: Math.round(rotated.info.width * scale), kernel: 'lanczos3' });
  } else if (scale !== 1) {
    page = page.resize({ width: Math.round(width * scale), kernel: 'lanczos3' });
  }
  if (levels) page = page.linear(levels.multiply, levels.add);
  const { data: pixels, info } = await page.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  // The PNG is encoded on libuv's threads while this thread measures the ink on the same pixels.
  const encoding = sharp(pixels, { raw: { width: info.width, height: info.height, channels: 1 } }).toColourspace('b-w').png({ compressionLevel: 1, adaptiveFiltering: false }).toBuffer();
  encoding.catch(() => undefined);
  const marks = inkMarksOf(pixels, info.width, info.height);
  return { png: await encoding, width: info.width, height: info.height, geometry, scale, marks };
}

// Marks are measured on a copy this many times smaller, each pixel the darkest of the ones it
// stands for: a rule one pixel thick survives, where averaging would fade it to grey.
const MARKS_REDUCTION = 3;

/** The ink of the page as the engine will read it (one-channel pixels), as marks (inkMarks.ts), in its pixels. */
function inkMarksOf(data: Uint8Array, pageWidth: number, pageHeight: number): InkMark[] {
  const width = Math.floor(pageWidth / MARKS_REDUCTION);
  const height = Math.floor(pageHeight / MARKS_REDUCTION);
  const small = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height * MARKS_REDUCTION; y++) {
    let at = Math.floor(y / MARKS_REDUCTION) * width;
    // One cell of MARKS_REDUCTION source pixels at a time, without a division per pixel.
    for (let x = y * pageWidth, end = x + width * MARKS_REDUCTION; x < end; x += MARKS_REDUCTION, at++) {
      let v = data[x];
      for (let k = 1; k < MARKS_REDUCTION; k++) if (data[x + k] < v) v = data[x + k];
      if (v < small[at]) small[at] = v;
    }
  }
  return findInkMarks({ data: small, width, height }, 1 / MARKS_REDUCTION);
}

/**
 * Stretches the page's darkest ink and its paper to black and white (what sharp's normalise()
 * does, measured on the small copy already in hand instead of another full-size pass). The dark
 * end is a low percentile and is never lifted above two thirds of the paper's level: on a sparse page the
 * first percent would be paper, and stretching it would turn shaded paper black.
 * null when the page already spans the range.
 */
export function contrastStretch(pixels: Uint8Array): { multiply: number; add: number } | null {
  const histogram = new Uint32Array(256);
  // An indexed loop: iterating a Buffer with for...of costs ~20 ms on a page's small copy.
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]] += 1;
  const percentile = (fraction: number) => {
    const target = pixels.length * fraction;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen > target) return v;
    }
    return 255;
  };
  const high = percentile(0.99);
  const low = Math.min(percentile(0.003), Math.floor(high * 0.65));
  if (high - low < 16 || (low <= 8 && high >= 247)) return null;
  const multiply = 255 / (high - low);
  return { multiply, add: -low * multiply };
}

function chooseScale(geometry: PageGeometry, analysisScale: number, width: number, height: number): number {
  let scale = 1;
  if (geometry.lineHeight !== null && geometry.textLines >= 2) {
    const wanted = TARGET_LINE_HEIGHT / (geometry.lineHeight / analysisScale);
    if (wanted > UPSCALE_ABOVE) scale = Math.min(MAX_UPSCALE, wanted);
    else if (wanted < DOWNSCALE_BELOW) scale = wanted;
  }
  const pixels = width * height * scale * scale;
  if (pixels > MAX_OCR_PIXELS) scale = Math.sqrt(MAX_OCR_PIXELS / (width * height));
  return Math.round(scale * 100) / 100;
}

function unreadable(): Error {
  return new DocumentUnreadableError('The image could not be read. It may be damaged or not an image; take the photo or scan again.');
}

function tooLarge(width: number | undefined, height: number | undefined, maxPixels: number): Error {
  const size = width && height ? `${width} x ${height} pixels` : 'more pixels than allowed';
  return new ImageTooLargeError(`The image is ${size}; at most ${(maxPixels / 1e6).toFixed(0)} megapixels are read. A 300-dpi scan of a letter page is about 8.4.`);
}

function toProblem(error: unknown, limits: PrepareLimits): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return tooLarge(undefined, undefined, limits.maxPixels);
  return unreadable();
}
