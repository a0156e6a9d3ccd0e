import createError from '@fastify/error';
import { PROBLEM_STATUS, type ProblemCode } from './problem.js';

/**
 * One error class per problem code, made with @fastify/error so that every stage
 * (ingest, extract, http) throws errors that carry their stable code and HTTP status,
 * and the error handler turns them into problem+json without a lookup table of its own.
 */
export interface ProblemError extends Error {
  code: ProblemCode;
  statusCode: number;
}
type ProblemErrorClass = new (detail?: string) => ProblemError;

function define(code: ProblemCode, title: string) {
  const Cls = createError<[string?]>(code, '%s', PROBLEM_STATUS[code]) as unknown as ProblemErrorClass;
  PROBLEM_TITLES[code] = title;
  CLASSES[code] = Cls;
  return Cls;
}

const CLASSES: Partial<Record<ProblemCode, ProblemErrorClass>> = {};

/** The error for a problem code, as a stage would have thrown it: how a problem found in a worker process is answered here. */
export function problemErrorFor(code: ProblemCode, detail?: string): ProblemError {
  const Cls = CLASSES[code] ?? CLASSES.INTERNAL_ERROR!;
  return new Cls(detail);
}

export const PROBLEM_TITLES: Partial<Record<ProblemCode, string>> = {};

export const FileMissingError = define('FILE_MISSING', 'No letter was sent');
export const InvalidRequestError = define('INVALID_REQUEST', 'The request is not valid');
export const UnknownProfileError = define('UNKNOWN_PROFILE', 'Unknown profile');
export const UnauthorizedError = define('UNAUTHORIZED', 'A valid API key is required');
export const NotFoundError = define('NOT_FOUND', 'Not found');
export const FileTooLargeError = define('FILE_TOO_LARGE', 'The file is too large');
export const UnsupportedMediaTypeError = define('UNSUPPORTED_MEDIA_TYPE', 'This kind of file is not supported');
export const DocumentUnreadableError = define('DOCUMENT_UNREADABLE', 'The document could not be read');
export const DocumentEncryptedError = define('DOCUMENT_ENCRYPTED', 'The document is encrypted or password-protected');
export const DocumentEmptyError = define('DOCUMENT_EMPTY', 'The document has no text');
export const TooManyPagesError = define('TOO_MANY_PAGES', 'The document has too many pages');
export const ImageTooLargeError = define('IMAGE_TOO_LARGE', 'The image has too many pixels');
export const ArchiveLimitError = define('ARCHIVE_LIMIT_EXCEEDED', 'The document expands beyond the allowed size');
export const TextTooLongError = define('TEXT_TOO_LONG', 'The document has more text than a letter');
export const ProcessingTimeoutError = define('PROCESSING_TIMEOUT', 'Reading the document took too long');
export const RateLimitedError = define('RATE_LIMITED', 'Too many requests');
export const InternalError = define('INTERNAL_ERROR', 'Something went wrong on our side');
export const OverloadedError = define('OVERLOADED', 'The service is busy');
export const NotReadyError = define('NOT_READY', 'The service is starting');
export const UploadIncompleteError = define('UPLOAD_INCOMPLETE', 'The upload ended before the file was complete');
export const DocumentAmbiguousTypeError = define('DOCUMENT_AMBIGUOUS_TYPE', 'The file is valid as more than one kind of document');
export const UploadTooSlowError = define('UPLOAD_TOO_SLOW', 'The upload arrived too slowly');
export const TooManyDocumentsError = define('TOO_MANY_DOCUMENTS', 'Too many documents for one check');
export const CaseTooLargeError = define('CASE_TOO_LARGE', 'The documents together are too large');
export const DocumentTooComplexError = define('DOCUMENT_TOO_COMPLEX', 'Reading the document needed more memory than a letter ever does');

export function isProblemError(error: unknown): error is ProblemError {
  return (
    error instanceof Error &&
    typeof (error as ProblemError).code === 'string' &&
    (error as ProblemError).code in PROBLEM_STATUS
  );
}
