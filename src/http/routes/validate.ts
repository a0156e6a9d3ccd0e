import type { FastifyPluginAsync } from 'fastify';
import type { Settings } from '../../config/settings.js';
import { bodyLimitFor } from '../plugins/uploads.js';
import { checkOptionsFrom, uploadOf } from '../readUpload.js';

/** POST /v1/validate: one letter in, its report out (200 whenever the letter could be read). */
const validateRoutes: FastifyPluginAsync<{ settings: Settings }> = async (app, { settings }) => {
  app.post(
    '/v1/validate',
    { bodyLimit: bodyLimitFor(settings, 1), config: { access: 'open-form', runsChecks: true, maxLetters: 1, waitsForCheck: true } },
    async (request) => {
      const upload = uploadOf(request.body);
      const options = checkOptionsFrom(upload.fields);
      const [file] = upload.files;
      const report = await app.checker.check(file.bytes, { ...options, declaredType: file.declaredType, fileName: file.filename });
      request.log.info({ verdict: report.verdict, mediaType: report.document.mediaType, pages: report.document.pages }, 'letter checked');
      return report;
    },
  );
};
export default validateRoutes;
