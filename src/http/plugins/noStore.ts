import fp from 'fastify-plugin';

/** Reports quote a student's letter: no browser or proxy may keep a copy. */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      // Lets a caller quote the id when asking about a request; the logs carry the same id.
      reply.header('x-request-id', String(request.id));
      reply.header('x-content-type-options', 'nosniff');
    });
  },
  { name: 'no-store' },
);
