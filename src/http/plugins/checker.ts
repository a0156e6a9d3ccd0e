import fp from 'fastify-plugin';
import type { Checker } from '../../checker.js';

declare module 'fastify' {
  interface FastifyInstance {
    checker: Checker;
  }
}

/** Shares one checker (profiles, OCR pool) across requests and closes it with the server. */
export default fp<{ checker: Checker }>(
  async (app, { checker }) => {
    app.decorate('checker', checker);
    app.addHook('onClose', async () => checker.close());
  },
  { name: 'checker' },
);
