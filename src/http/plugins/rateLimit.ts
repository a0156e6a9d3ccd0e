import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { RateLimitedError } from '../../report/errors.js';
import { clientOf, runsChecks } from '../routePolicy.js';

export interface RateLimitOptions {
  /** RATE_LIMIT_PER_MINUTE: requests without an API key, per client address. */
  perAddress: number;
  /** RATE_LIMIT_KEYED_PER_MINUTE: requests with an API key, per key. */
  perKey: number;
}

/**
 * Per-minute limits on the routes that run checks (those whose config says `runsChecks`, whatever
 * spelling of their path reached them): per API key for the pipeline and integrations, per client address for
 * everyone else. The address is request.ip, which honours TRUST_PROXY: behind a reverse proxy it must
 * name that proxy (or its hop count), or every student shares the proxy's address and its limit;
 * trusting every hop ("true") in front of the open internet lets a client choose its own address with
 * X-Forwarded-For. Counters live in memory (a bounded LRU), per process. Past the limit: 429
 * RATE_LIMITED with Retry-After. Reads (GET /v1/profiles, a batch's status), the page, its assets and the
 * health checks are not counted.
 */
export default fp<RateLimitOptions>(
  async (app, { perAddress, perKey }) => {
    await app.register(rateLimit, {
      global: true,
      timeWindow: 60_000,
      cache: 10_000,
      max: (request) => (request.apiKeyId ? perKey : perAddress),
      keyGenerator: clientOf,
      // Only what runs checks is counted: polling a batch or listing profiles costs next to nothing.
      allowList: (request) => !runsChecks(request),
      errorResponseBuilder: (request, context) =>
        new RateLimitedError(
          `At most ${context.max} requests a minute are accepted ${request.apiKeyId ? 'per API key' : 'from one address'}; try again in ${context.after}.`,
        ),
    });
  },
  { name: 'rate-limit', dependencies: ['api-keys'] },
);
