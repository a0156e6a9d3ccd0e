import { Busboy } from '@fastify/busboy';
import { z } from 'zod';
import type { CheckOptions } from '../checker.js';
import { ValidateOptions } from '../report/index.js';
import { CaseTooLargeError, FileMissingError, FileTooLargeError, InvalidRequestError, TooManyDocumentsError, UploadIncompleteError } from '../report/errors.js';

export interface UploadedFile {
  bytes: Buffer;
  declaredType: string | null;
  filename: string | null;
}

/** A request's letters and options, read whole before its check is admitted. */
export interface Upload {
  files: UploadedFile[];
  fields: Record<string, string>;
}

export function isUpload(body: unknown): body is Upload {
  return typeof body === 'object' && body !== null && Array.isArray((body as Upload).files) && (body as Upload).files.length > 0;
}

export interface MultipartLimits {
  /** Letters the route takes (parts named "file"). */
  maxFiles: number;
  /** MAX_UPLOAD_BYTES, for each letter. */
  maxFileBytes: number;
  /**
   * For a case (one student's documents, checked together): MAX_CASE_BYTES for all its files
   * together, and too many files is TOO_MANY_DOCUMENTS. Absent: files are letters of a batch.
   */
  maxCaseBytes?: number;
}

/** The refusal of one file too many: a case's own code, or a batch's (or single letter's) request error. */
function tooManyFiles(limits: MultipartLimits): Error {
  if (limits.maxCaseBytes !== undefined) {
    return new TooManyDocumentsError(`One check takes at most ${limits.maxFiles} document${limits.maxFiles === 1 ? '' : 's'}: the letter and the documents sent after it. POST /v1/batches checks several letters apart.`);
  }
  return new InvalidRequestError(limits.maxFiles === 1 ? 'Send one letter per request; POST /v1/batches takes several.' : `A batch takes at most ${limits.maxFiles} letters.`);
}

// The options (ValidateOptions and callback_url) are a handful of short text fields.
const MAX_FIELDS = 12;
const MAX_FIELD_BYTES = 1024;

const INCOMPLETE = 'The upload ended before the file was complete; nothing was checked. Send it again.';

/**
 * A multipart/form-data body, complete in memory, into its letters and fields. Every part is read,
 * so that text fields count whatever their order relative to the files, and extra files are
 * refused, not ignored. A body that stops anywhere before its closing delimiter (inside a part's
 * headers, inside a part, or just before the final `--boundary--`) is UPLOAD_INCOMPLETE, never a
 * shorter letter. busboy does the parsing (quoted boundaries, header folding, RFC 2231 file
 * names); it is fed the whole body at once.
 */
export function parseMultipart(body: Buffer, contentType: string, limits: MultipartLimits): Promise<Upload> {
  if (body.length === 0) return Promise.reject(new FileMissingError('Attach the letter as the multipart field "file".'));
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let caseBytes = 0;
    let failure: Error | null = null;
    const fail = (error: Error) => {
      failure ??= error;
    };
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: { 'content-type': contentType },
        limits: {
          fileSize: limits.maxFileBytes,
          // One more than allowed, so that an extra letter is seen and refused by name.
          files: limits.maxFiles + 1,
          fields: MAX_FIELDS,
          fieldSize: MAX_FIELD_BYTES,
          parts: limits.maxFiles + 1 + MAX_FIELDS,
          headerPairs: 200,
        },
      });
    } catch {
      reject(new InvalidRequestError('The multipart Content-Type has no usable boundary.'));
      return;
    }
    parser.on('file', (name, stream, filename, _encoding, mimeType) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        // Once the upload is refused, nothing more of it is held.
        if (failure) return;
        chunks.push(chunk);
        caseBytes += chunk.length;
        // A second document onwards: the case's bytes together are bounded as they arrive, never held whole.
        if (limits.maxCaseBytes !== undefined && files.length >= 1 && caseBytes > limits.maxCaseBytes) {
          fail(new CaseTooLargeError(`The documents sent are more than ${limits.maxCaseBytes} bytes together; one check takes at most that.`));
          chunks.length = 0;
        }
      });
      stream.on('limit', () => fail(new FileTooLargeError(`A letter is over the limit of ${limits.maxFileBytes} bytes.`)));
      // A part cut off by the end of the body: busboy says so on the part's stream.
      stream.on('error', () => fail(new UploadIncompleteError(INCOMPLETE)));
      stream.on('end', () => {
        if (name !== 'file') return fail(new InvalidRequestError(`Letters go in the field "file", not "${name}".`));
        if (files.length >= limits.maxFiles) return fail(tooManyFiles(limits));
        const bytes = Buffer.concat(chunks);
        if (bytes.length > 0 && !stream.truncated) files.push({ bytes, declaredType: mimeType || null, filename: filename || null });
      });
    });
    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) return fail(new InvalidRequestError(`The field "${name}" is longer than ${MAX_FIELD_BYTES} bytes.`));
      if (value.trim() !== '') fields[name] = value;
    });
    parser.on('filesLimit', () => fail(tooManyFiles(limits)));
    parser.on('fieldsLimit', () => fail(new InvalidRequestError(`At most ${MAX_FIELDS} fields are taken besides the letters.`)));
    parser.on('partsLimit', () => fail(new InvalidRequestError(`At most ${limits.maxFiles} letters and ${MAX_FIELDS} fields are taken.`)));
    parser.on('error', (error) => {
      const message = error instanceof Error ? error.message : '';
      fail(/unexpected end|terminated early/i.test(message) ? new UploadIncompleteError(INCOMPLETE) : new InvalidRequestError('The multipart body could not be read.'));
    });
    parser.on('finish', () => {
      if (failure) return reject(failure);
      if (files.length === 0) return reject(new FileMissingError('Attach the letter as the multipart field "file".'));
      resolve({ files, fields });
    });
    // busboy reports the cut-off cases above; a body with no closing delimiter at all must never pass.
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const delimiter = boundary ? `--${boundary[1] ?? boundary[2]}--` : null;
    if (delimiter && body.lastIndexOf(delimiter) === -1) fail(new UploadIncompleteError(INCOMPLETE));
    parser.on('close', () => failure && reject(failure));
    parser.end(body);
  });
}

/** A raw body: the document itself, with the options in the query string. */
export function rawUpload(body: Buffer, contentType: string | undefined, query: unknown, maxBytes: number): Upload {
  if (body.length === 0) throw new FileMissingError('Send the letter as the request body, or as the multipart field "file".');
  if (body.length > maxBytes) throw new FileTooLargeError(`The upload is ${body.length} bytes; the limit is ${maxBytes}.`);
  const fields = Object.fromEntries(
    Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v !== ''),
  ) as Record<string, string>;
  return { files: [{ bytes: body, declaredType: contentType ?? null, filename: null }], fields };
}

/** The upload a route's handler works on; a request without a body has no letter. */
export function uploadOf(body: unknown): Upload {
  if (!isUpload(body)) throw new FileMissingError('Send the letter as the request body, or as the multipart field "file".');
  return body;
}

/** The request's options, checked against the contract's schema, in the checker's terms. */
export function checkOptionsFrom(fields: Record<string, string>): CheckOptions {
  const parsed = ValidateOptions.safeParse(fields);
  if (!parsed.success) throw new InvalidRequestError(z.prettifyError(parsed.error).replace(/\n/g, ' '));
  const o = parsed.data;
  return {
    profile: o.profile,
    program: o.program,
    studentName: o.student_name,
    employer: o.employer,
    startDate: o.start_date,
    endDate: o.end_date,
    graduationDate: o.graduation_date,
    submissionDate: o.submission_date,
    termEndDate: o.term_end_date,
  };
}
