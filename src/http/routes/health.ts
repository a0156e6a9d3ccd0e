import type { FastifyPluginAsync } from 'fastify';
import type { OcrEngineName } from '../../extract/ocr/ocrEngine.js';
import type { Fleet } from '../../fleet/connectFleet.js';
import { sendProblem } from '../plugins/problemDetails.js';

export interface HealthOptions {
  /** With the fleet, readiness is Redis's: asked at every /readyz, with the workers alive and their OCR slots. */
  fleet?: Fleet | null;
  /** The engine the OCR workers run; null when OCR is off (OCR_WORKERS=0), with the fleet, or when the checker was given from outside. */
  ocrEngine?: OcrEngineName | null;
}

/**
 * /healthz: the process answers. /readyz: a letter could be checked now: the OCR workers have
 * loaded, the reader children can start, and this process's memory is under MAX_RSS_MB (with the
 * fleet, Redis answers); and which OCR engine reads pages. Not ready is 503 NOT_READY, so that an
 * orchestrator sends no traffic, or replaces an instance that stays so.
 */
const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, { fleet, ocrEngine = null }) => {
  let ready = false;
  app.checker.ready().then(
    () => {
      ready = true;
    },
    (error: Error) => app.log.error({ err: { type: error.name, message: error.message } }, 'checker failed to start'),
  );
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    if (fleet) {
      // Asked every time: Redis may go away and come back while this process lives.
      try {
        const { workers, slots } = await fleet.status();
        return { status: 'ready', redis: 'ok', workers, ocrSlots: slots };
      } catch {
        return sendProblem(reply, request, 'NOT_READY', 'Redis does not answer: batches cannot be accepted or read, nor letters checked.');
      }
    }
    if (!ready) return sendProblem(reply, request, 'NOT_READY', 'OCR workers are still loading.');
    const now = app.checker.readiness();
    if (!now.ready) return sendProblem(reply, request, 'NOT_READY', now.reason ?? 'The service cannot check letters now.');
    return { status: 'ready', ocrEngine };
  });
};
export default healthRoutes;
