import type { FastifyPluginAsync, FastifyRequest } from 'fastify';

/**
 * Who may call a route:
 * - `public`: anyone (the form page, its assets, the health checks);
 * - `open-form`: what a student's browser needs; without a key while OPEN_WEB_FORM is true;
 * - `keyed`: a valid API key whenever API_KEYS is set.
 */
export type RouteAccess = 'public' | 'open-form' | 'keyed';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Read by the API-key check on the route the request matched, never from the raw URL. Absent: `keyed`. */
    access?: RouteAccess;
    /** The route takes letters and runs checks: rate-limited, its body paced, and admitted against MAX_QUEUE. */
    runsChecks?: boolean;
    /** Letters one request may carry (multipart parts named "file"). */
    maxLetters?: number;
    /** The client waits for the report: a photo is admitted only if OCR can read it within the deadline (plugins/ocrDeadline.ts). */
    waitsForCheck?: boolean;
    /**
     * What several files of one request are: `case`, one student's letter and the documents sent
     * after it, checked together (their bytes bounded together; a raw body is a case of one);
     * `batch`, letters checked apart (multipart only). Absent: one letter.
     */
    letters?: 'case' | 'batch';
  }
}

/**
 * The access a request's route declares. Every spelling of a path that reaches a handler has been
 * matched to its route by then (find-my-way decodes percent-escapes), so the decision follows the
 * route and not the text of the URL. A route that declares nothing is keyed: forgetting fails closed.
 */
export function accessOf(request: FastifyRequest): RouteAccess {
  return request.routeOptions.config.access ?? 'keyed';
}

export function runsChecks(request: FastifyRequest): boolean {
  return !request.is404 && request.routeOptions.config.runsChecks === true;
}

/**
 * Who is asking, for the per-client counts (rate limit, uploads in flight, batches): the API key
 * when there is one, otherwise the client's address (request.ip, which honours TRUST_PROXY).
 */
export function clientOf(request: FastifyRequest): string {
  return request.apiKeyId ? `key:${request.apiKeyId}` : `ip:${request.ip}`;
}

/** Registers a plugin's routes with the given access, unless a route declares its own. */
export function withAccess<Options extends Record<string, unknown> = Record<never, never>>(
  access: RouteAccess,
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  return async (app, options) => {
    app.addHook('onRoute', (route) => {
      route.config = { access, ...route.config };
    });
    await app.register(plugin, options);
  };
}
