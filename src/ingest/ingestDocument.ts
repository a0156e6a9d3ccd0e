import { DocumentEmptyError, FileTooLargeError, UnsupportedMediaTypeError } from '../report/errors.js';
import type { ExtractionNotice } from '../extract/extractedDocument.js';
import { checkZipArchive, type ZipEntrySummary, type ZipLimits } from './checkZipArchive.js';
import { detectMediaType, type DocumentKind } from './detectMediaType.js';

export interface IngestLimits extends ZipLimits {
  maxBytes: number;
}

/** An upload whose type is known from its bytes and whose size and structure passed the limits. */
export interface IngestedDocument {
  bytes: Uint8Array;
  kind: DocumentKind;
  mediaType: string;
  /** The zip's entries, for a DOCX: read from the central directory without inflating. */
  zipEntries: ZipEntrySummary[] | null;
  notices: ExtractionNotice[];
}

const SUPPORTED = 'PDF, Word (.docx), email (.eml, .msg), plain text, or an image (PNG, JPEG, TIFF, WebP, HEIC)';

export function ingestDocument(bytes: Uint8Array, declaredType: string | null, limits: IngestLimits): IngestedDocument {
  if (bytes.length > limits.maxBytes) throw new FileTooLargeError(`The file is ${bytes.length} bytes; the limit is ${limits.maxBytes}.`);
  if (bytes.length === 0) throw new DocumentEmptyError('The file is empty.');
  const detected = detectMediaType(bytes);
  if (!detected) throw new UnsupportedMediaTypeError(`This file is not one we can read. Send a ${SUPPORTED}.`);
  const notices: ExtractionNotice[] = [];
  const declared = declaredType?.split(';')[0].trim().toLowerCase();
  if (declared && !isCompatible(declared, detected.mediaType)) {
    notices.push({
      code: 'DOCUMENT_TYPE_MISMATCH',
      message: `The file was sent as ${declared} but its content is ${detected.mediaType}; it was read as ${detected.mediaType}.`,
    });
  }
  const zipEntries = detected.kind === 'docx' ? checkZipArchive(bytes, limits) : null;
  return { bytes, kind: detected.kind, mediaType: detected.mediaType, zipEntries, notices };
}

// Clients label uploads loosely (curl sends application/octet-stream, browsers guess from names).
const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/x-www-form-urlencoded', '']);
const ALIASES: Record<string, string[]> = {
  'message/rfc822': ['text/plain', 'application/vnd.ms-outlook'],
  'text/plain': ['text/markdown', 'message/rfc822'],
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'image/heic': ['image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  'application/vnd.ms-outlook': ['application/x-msg', 'application/octet-stream'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['application/zip', 'application/msword'],
};

function isCompatible(declared: string, detected: string): boolean {
  return GENERIC.has(declared) || declared === detected || (ALIASES[detected] ?? []).includes(declared);
}
