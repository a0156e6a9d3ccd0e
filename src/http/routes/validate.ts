import type { FastifyPluginAsync } from 'fastify';
import { checkOptionsFrom, readMultipartUpload, readRawUpload } from '../readUpload.js';

/** POST /v1/validate: one letter in, its report out (200 whenever the letter could be read). */
const validateRoutes: FastifyPluginAsync = async (app) => {
  app.post('/v1/validate', async (request) => {
    const upload = request.isMultipart() ? await readMultipartUpload(request, 1) : readRawUpload(request);
    const options = checkOptionsFrom(upload.fields);
    const [file] = upload.files;
    const report = await app.checker.check(file.bytes, { ...options, declaredType: file.declaredType, fileName: file.filename });
    request.log.info({ verdict: report.verdict, mediaType: report.document.mediaType, pages: report.document.pages }, 'letter checked');
    return report;
  });
};
export default validateRoutes;
