import type { FastifyPluginAsync } from 'fastify';
import { sendProblem } from '../plugins/problemDetails.js';

/**
 * /healthz: the process answers. /readyz: a letter could be checked now: the OCR workers have
 * loaded, the reader children can start, and this process's memory is under MAX_RSS_MB. Not ready
 * is 503 NOT_READY, so that an orchestrator sends no traffic, or replaces an instance that stays so.
 */
const healthRoutes: FastifyPluginAsync = async (app) => {
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
    const now = app.checker.readiness();
    if (!now.ready) return sendProblem(reply, request, 'NOT_READY', now.reason ?? 'The service cannot check letters now.');
    return { status: 'ready' };
  });
};
export default healthRoutes;
