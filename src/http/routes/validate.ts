import type { FastifyPluginAsync } from 'fastify';
import type { Settings } from '../../config/settings.js';
import { renderRecordPdf } from '../../record/renderRecordPdf.js';
import { acceptsPdf } from '../acceptsPdf.js';
import { caseBodyLimit } from '../plugins/uploads.js';
import { checkOptionsFrom, uploadOf } from '../readUpload.js';

/**
 * POST /v1/validate: one letter in, its report out (200 whenever the letter could be read). Several
 * `file` parts are a case: the letter first, then the documents sent after it for the same student,
 * judged as one report. With `Accept: application/pdf` the answer is the record for the student's
 * file (src/record) instead of the JSON report.
 */
const validateRoutes: FastifyPluginAsync<{ settings: Settings }> = async (app, { settings }) => {
  app.post(
    '/v1/validate',
    {
      bodyLimit: caseBodyLimit(settings),
      config: { access: 'open-form', runsChecks: true, maxLetters: settings.MAX_CASE_DOCUMENTS, letters: 'case', waitsForCheck: true },
    },
    async (request, reply) => {
      const upload = uploadOf(request.body);
      const options = checkOptionsFrom(upload.fields);
      const [file] = upload.files;
      const report =
        upload.files.length === 1
          ? await app.checker.check(file.bytes, { ...options, declaredType: file.declaredType, fileName: file.filename })
          : await app.checker.checkCase(
              upload.files.map((f) => ({ bytes: f.bytes, declaredType: f.declaredType, fileName: f.filename })),
              options,
            );
      request.log.info(
        { verdict: report.verdict, mediaType: report.document.mediaType, pages: report.document.pages, documents: report.documents.length },
        'letter checked',
      );
      // The same URL answers JSON or PDF: a cache (and the browser) must key on Accept.
      reply.header('vary', 'Accept');
      if (!acceptsPdf(request.headers.accept)) return report;
      const pdf = await renderRecordPdf(report, { profileName: app.checker.profiles.get(report.profile)?.name });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="offercheck-record-${report.checkedOn}.pdf"`)
        .send(pdf);
    },
  );
};
export default validateRoutes;
