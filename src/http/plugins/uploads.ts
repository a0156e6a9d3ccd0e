import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Settings } from '../../config/settings.js';
import { InvalidRequestError } from '../../report/errors.js';
import { parseMultipart, rawUpload } from '../readUpload.js';

/** A multipart body carries its boundaries, part headers and a few short fields besides each letter. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The most a route that takes `letters` letters accepts as a body (its `bodyLimit`). */
export function bodyLimitFor(settings: Pick<Settings, 'MAX_UPLOAD_BYTES'>, letters: number): number {
  return letters * (settings.MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES);
}

/** The most a route that takes a case of documents accepts as a body: the case's bytes, and each part's overhead. */
export function caseBodyLimit(settings: Pick<Settings, 'MAX_UPLOAD_BYTES' | 'MAX_CASE_BYTES' | 'MAX_CASE_DOCUMENTS'>): number {
  return Math.max(settings.MAX_UPLOAD_BYTES, settings.MAX_CASE_BYTES) + settings.MAX_CASE_DOCUMENTS * MULTIPART_OVERHEAD_BYTES;
}

/**
 * Two ways to send letters, both read whole into memory (never to disk) before anything else
 * happens, so that a check is admitted only once its body is complete, and the body is paced and
 * limited while it arrives (backpressure.ts, the route's bodyLimit):
 * - multipart/form-data (the web form, curl -F, batches): letters in parts named "file", and a few
 *   short text fields; as many letters as the route's config says (`maxLetters`), a case's bounded
 *   together (MAX_CASE_BYTES);
 * - the raw document as the body, with any other Content-Type: the type is decided from the bytes later.
 * Either way the handler gets an Upload as request.body. The default JSON and text parsers are
 * removed: every raw body stays bytes.
 */
export default fp<{ settings: Settings }>(
  async (app, { settings }) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, async (request: FastifyRequest, body: Buffer) =>
      parseMultipart(body, request.headers['content-type'] ?? '', {
        maxFiles: request.routeOptions.config.maxLetters ?? 1,
        maxFileBytes: settings.MAX_UPLOAD_BYTES,
        maxCaseBytes: request.routeOptions.config.letters === 'case' ? settings.MAX_CASE_BYTES : undefined,
      }),
    );
    app.addContentTypeParser('*', { parseAs: 'buffer' }, async (request: FastifyRequest, body: Buffer) => {
      // A batch needs its letters told apart: only multipart does that.
      if (request.routeOptions.config.letters === 'batch') throw new InvalidRequestError('Send the letters as multipart/form-data, each in a part named "file".');
      return rawUpload(body, request.headers['content-type'], request.query, settings.MAX_UPLOAD_BYTES);
    });
  },
  { name: 'uploads' },
);
