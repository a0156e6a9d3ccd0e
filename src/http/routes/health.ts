import type { FastifyPluginAsync } from 'fastify';
import type { OcrEngineName } from '../../extract/ocr/ocrEngine.js';
import { sendProblem } from '../plugins/problemDetails.js';

export interface HealthOptions {
  /** The engine the OCR workers run; null when OCR is off (OCR_WORKERS=0) or the checker was given from outside. */
  ocrEngine: OcrEngineName | null;
}

/** /healthz: the process answers. /readyz: everything a check needs (OCR workers) is loaded, and which OCR engine reads pages. */
const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, { ocrEngine }) => {
  let ready = false;
  app.checker.ready().then(
    () => {
      ready = true;
    },
    (error: Error) => app.log.error({ err: { type: error.name, message: error.message } }, 'checker failed to start'),
  );
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    if (!ready) return sendProblem(reply, request, 'NOT_READY', 'OCR workers are still loading.');
    return { status: 'ready', ocrEngine };
  });
};
export default healthRoutes;
