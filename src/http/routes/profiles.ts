import type { FastifyPluginAsync } from 'fastify';

/** GET /v1/profiles: what each school profile requires and the numbers its rules use. */
const profileRoutes: FastifyPluginAsync = async (app) => {
  app.get('/v1/profiles', { config: { access: 'open-form' } }, async () => ({
    profiles: [...app.checker.profiles.values()].map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      requires: p.requires,
      rules: p.rules,
    })),
  }));
};
export default profileRoutes;
