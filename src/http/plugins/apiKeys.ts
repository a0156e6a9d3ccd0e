import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { UnauthorizedError } from '../../report/errors.js';
import { accessOf } from '../routePolicy.js';

export interface ApiKeyOptions {
  /** API_KEYS: empty means no keys, and the whole API is open (rate-limited per address). */
  keys: string[];
  /** OPEN_WEB_FORM: with keys set, students may still validate a letter (and list profiles) without one. */
  openWebForm: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A short, non-secret id of the API key the request came with (its hash's first 12 hex digits); null without one. */
    apiKeyId: string | null;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Optional API keys, sent as "Authorization: Bearer <key>". What a route needs is its own declared
 * access (routePolicy.ts), read from the route the request matched, so that `/%761/validate` and
 * `/v1/validate` are one route with one rule; a request that matches no route gets its 404 and
 * nothing else. The form page, its assets and the health checks are `public`. A request with a key
 * is the pipeline's or an integration's: it is identified by the key (and rate-limited per key). A
 * request without one is a student's: allowed when no keys are set, or, with keys set, on the
 * `open-form` routes (the check and the profile list) when OPEN_WEB_FORM is true (rate-limited per
 * address, at the lower limit). A wrong key is always 401, even on an open route, so that a
 * misconfigured integration finds out at once.
 * Keys are compared as SHA-256 digests with timingSafeEqual, every key every time.
 */
export default fp<ApiKeyOptions>(
  async (app, { keys, openWebForm }) => {
    const known = keys.map((key) => ({ digest: digest(key), id: digest(key).toString('hex').slice(0, 12) }));
    app.decorateRequest('apiKeyId', null);

    function keyIdOf(token: string): string | null {
      const given = digest(token);
      let found: string | null = null;
      for (const key of known) if (timingSafeEqual(given, key.digest) && found === null) found = key.id;
      return found;
    }

    app.addHook('onRequest', async (request, reply) => {
      if (known.length === 0) return;
      const header = request.headers.authorization;
      if (header !== undefined) {
        const token = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header)?.[1];
        const id = token ? keyIdOf(token) : null;
        if (!id) {
          reply.header('www-authenticate', 'Bearer realm="offercheck", error="invalid_token"');
          throw new UnauthorizedError('The API key is not valid. Send it as "Authorization: Bearer <key>".');
        }
        request.apiKeyId = id;
        return;
      }
      if (request.is404) return;
      const access = accessOf(request);
      if (access === 'public' || (access === 'open-form' && openWebForm)) return;
      reply.header('www-authenticate', 'Bearer realm="offercheck"');
      throw new UnauthorizedError('This endpoint needs an API key, sent as "Authorization: Bearer <key>".');
    });
  },
  { name: 'api-keys', dependencies: ['problem-details'] },
);
