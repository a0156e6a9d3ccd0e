import fp from 'fastify-plugin';

/** Reports quote a student's letter: no browser or proxy may keep a copy. */
export default fp(
  async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      reply.header('x-content-type-options', 'nosniff');
    });
  },
  { name: 'no-store' },
);
