import type { FastifyPluginAsync } from 'fastify';
import { ELEMENT_LABELS, ELEMENT_NAMES } from '../../report/index.js';

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
    elements: ELEMENT_NAMES.map((name) => ({ name, label: ELEMENT_LABELS[name] })),
  }));
};
export default profileRoutes;
