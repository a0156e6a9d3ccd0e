import type { FastifyPluginAsync } from 'fastify';
import { sendProblem } from '../plugins/problemDetails.js';

/** /healthz: the process answers. /readyz: everything a check needs (OCR workers) is loaded. */
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
    return { status: 'ready' };
  });
};
export default healthRoutes;
