import {
  DocumentAmbiguousTypeError,
  DocumentEmptyError,
  FileTooLargeError,
  ImageTooLargeError,
  TooManyPagesError,
  UnsupportedMediaTypeError,
} from '../report/errors.js';
import type { ExtractionNotice } from '../document/letterDocument.js';
import { checkZipArchive, type ZipEntrySummary, type ZipLimits } from './checkZipArchive.js';
import { detectMediaType, type DetectedType, type DocumentKind } from './detectMediaType.js';
import { findPolyglot } from './findPolyglot.js';
import { inspectCompoundFile } from './inspectCompoundFile.js';
import { inspectWordDocument } from './inspectWordDocument.js';
import { readImageSizes } from './readImageSize.js';

export interface IngestLimits extends ZipLimits {
  maxBytes: number;
  /** Pixels of one image page, read from its header (MAX_IMAGE_PIXELS); absent: DEFAULT_MAX_IMAGE_PIXELS. */
  maxImagePixels?: number;
  /** Pages of a multi-page image (TIFF); absent: no page check here (the PDF reader checks its own). */
  maxPages?: number;
}

/** The settings' default, for callers that build limits by hand. */
export const DEFAULT_MAX_IMAGE_PIXELS = 40_000_000;

/** An upload whose type is known from its bytes and whose size and structure passed the limits. */
export interface IngestedDocument {
  bytes: Uint8Array;
  kind: DocumentKind;
  mediaType: string;
  /** Plain text only: the WHATWG name of its character encoding, declared or detected (decodeText reads it). */
  encoding: string | null;
  /** The zip's entries, for a DOCX: read from the central directory without inflating. */
  zipEntries: ZipEntrySummary[] | null;
  notices: ExtractionNotice[];
}

export interface IngestClaims {
  /** The file name the client gave (multipart filename); only its extension is used, to warn. */
  declaredName?: string | null;
}

const SUPPORTED = 'PDF, Word (.docx, .doc), email (.eml, .msg), plain text, or an image (PNG, JPEG, TIFF, WebP, HEIC)';

/**
 * Bytes to a typed document, refusing what no reader should open: too large, empty, of an unknown
 * type, valid as two types at once (a polyglot), an image whose header declares too many pixels,
 * a zip whose directory breaks the limits, an encrypted Office file, a damaged or pre-97 Word .doc.
 * Everything here reads headers and directories only, so it runs in the request's thread before
 * any parser sees the file.
 */
export function ingestDocument(bytes: Uint8Array, declaredType: string | null, limits: IngestLimits, claims: IngestClaims = {}): IngestedDocument {
  if (bytes.length > limits.maxBytes) throw new FileTooLargeError(`The file is ${bytes.length} bytes; the limit is ${limits.maxBytes}.`);
  if (bytes.length === 0) throw new DocumentEmptyError('The file is empty.');
  const detected = detectMediaType(bytes, charsetOf(declaredType));
  if (!detected) throw new UnsupportedMediaTypeError(`This file is not one we can read. Send a ${SUPPORTED}.`);
  const polyglot = findPolyglot(bytes, detected);
  if (polyglot) {
    throw new DocumentAmbiguousTypeError(`The file is at the same time ${polyglot}: different programs would show different documents. Export the letter again as a plain PDF or Word file.`);
  }
  const notices: ExtractionNotice[] = [];
  const declared = declaredType?.split(';')[0].trim().toLowerCase();
  if (declared && !isCompatible(declared, detected.mediaType)) {
    notices.push({
      code: 'DOCUMENT_TYPE_MISMATCH',
      message: `The file was sent as ${declared} but its content is ${detected.mediaType}; it was read as ${detected.mediaType}.`,
    });
  }
  const extension = extensionOf(claims.declaredName);
  if (extension && !extensionFits(extension, detected)) {
    notices.push({
      code: 'DOCUMENT_TYPE_MISMATCH',
      message: `The file is named .${extension} but its content is ${detected.mediaType}; it was read as ${detected.mediaType}.`,
    });
  }
  if (detected.kind === 'msg') inspectCompoundFile(bytes);
  if (detected.kind === 'doc') notices.push(...inspectWordDocument(bytes));
  if (detected.kind === 'image') checkImageSize(bytes, detected.mediaType, limits);
  const zipEntries = detected.kind === 'docx' ? checkZipArchive(bytes, limits) : null;
  if (zipEntries && !zipEntries.some((e) => e.name === 'word/document.xml')) {
    throw new UnsupportedMediaTypeError(`This zip file is not a Word document. Send a ${SUPPORTED}.`);
  }
  return { bytes, kind: detected.kind, mediaType: detected.mediaType, encoding: detected.encoding ?? null, zipEntries, notices };
}

/** The charset parameter of a Content-Type ("text/plain; charset=windows-1252"), if any. */
function charsetOf(contentType: string | null): string | null {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

function checkImageSize(bytes: Uint8Array, mediaType: string, limits: IngestLimits): void {
  // A header that cannot be read is left to the decoder, which fails on it as well (and has its own
  // pixel limit): this check exists for headers that can be read and declare too much.
  const sizes = readImageSizes(bytes, mediaType) ?? [];
  const maxPixels = limits.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  for (const { width, height } of sizes) {
    if (width * height > maxPixels) {
      throw new ImageTooLargeError(`The image is ${width} x ${height} pixels; at most ${(maxPixels / 1e6).toFixed(0)} megapixels are read. A 300-dpi scan of a letter page is about 8.4.`);
    }
  }
  // HEIC lists one size per tile, not per page: only TIFF pages are pages.
  if (mediaType === 'image/tiff' && limits.maxPages && sizes.length > limits.maxPages) {
    throw new TooManyPagesError(`The image has ${sizes.length} pages; at most ${limits.maxPages} are read.`);
  }
}

// Clients label uploads loosely (curl sends application/octet-stream, browsers guess from names).
const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-www-form-urlencoded', '']);
const ALIASES: Record<string, string[]> = {
  'message/rfc822': ['text/plain', 'application/vnd.ms-outlook'],
  'text/plain': ['text/markdown', 'message/rfc822'],
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'image/heic': ['image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  'application/vnd.ms-outlook': ['application/x-msg', 'application/octet-stream'],
  'application/msword': ['application/vnd.ms-word', 'application/x-msword'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['application/zip', 'application/msword', 'application/vnd.ms-word.document.macroenabled.12'],
};

function isCompatible(declared: string, detected: string): boolean {
  return GENERIC.has(declared) || declared === detected || (ALIASES[detected] ?? []).includes(declared);
}

// File name extensions each kind is saved under. A .docm is a Word document (its macros are reported separately).
const EXTENSIONS: Record<DocumentKind, string[]> = {
  pdf: ['pdf'],
  docx: ['docx', 'docm', 'dotx', 'dotm', 'zip'],
  doc: ['doc', 'dot'],
  email: ['eml', 'txt', 'msg', 'mht', 'email'],
  msg: ['msg', 'oft'],
  text: ['txt', 'text', 'md', 'eml'],
  image: ['png', 'jpg', 'jpeg', 'jpe', 'tif', 'tiff', 'webp', 'gif', 'bmp', 'heic', 'heif'],
};

function extensionOf(name: string | null | undefined): string | null {
  const match = name ? /\.([A-Za-z0-9]{1,8})$/.exec(name.trim()) : null;
  return match ? match[1].toLowerCase() : null;
}

function extensionFits(extension: string, detected: DetectedType): boolean {
  if (!(Object.values(EXTENSIONS).flat() as string[]).includes(extension)) return true; // a name we do not know says nothing
  if (detected.kind !== 'image') return EXTENSIONS[detected.kind].includes(extension);
  // Images: the extension must name this image format, not just any image.
  const byType: Record<string, string[]> = {
    'image/png': ['png'],
    'image/jpeg': ['jpg', 'jpeg', 'jpe'],
    'image/tiff': ['tif', 'tiff'],
    'image/webp': ['webp'],
    'image/gif': ['gif'],
    'image/bmp': ['bmp'],
    'image/heic': ['heic', 'heif'],
  };
  return (byType[detected.mediaType] ?? []).includes(extension);
}
