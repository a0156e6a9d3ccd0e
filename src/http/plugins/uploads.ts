import fp from 'fastify-plugin';
import multipart from '@fastify/multipart';
import type { Settings } from '../../config/settings.js';

/**
 * Two ways to send a letter, both kept in memory only:
 * - multipart/form-data (the web form, curl -F): one file part plus a few short text fields;
 * - the raw document as the body, with any Content-Type: the type is decided from the bytes later.
 * Limits are enforced while the body streams in, so an oversized upload is refused before it is held whole.
 */
export default fp<{ settings: Settings }>(
  async (app, { settings }) => {
    await app.register(multipart, {
      limits: {
        fileSize: settings.MAX_UPLOAD_BYTES,
        files: 1,
        fields: 12,
        fieldSize: 1024,
        parts: 14,
        headerPairs: 200,
      },
      // An upload cut at the limit must be an error, never a silently truncated letter.
      throwFileSizeLimit: true,
    });
    // text/plain's default parser would hand us a string; every raw body stays bytes.
    app.removeContentTypeParser(['text/plain']);
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: settings.MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));
  },
  { name: 'uploads' },
);
