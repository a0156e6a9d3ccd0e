import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

/**
 * The page's files sit next to this module's folder: src/http/webForm under tsx, dist/http/webForm
 * after `npm run build` copies them. The package root's src/http/webForm is the fallback for a
 * dist built by a bare `tsc`, so the form never silently disappears.
 */
export function findWebFormDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../webForm'), path.resolve(here, '../../../src/http/webForm')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`The web form's files are missing; looked in ${candidates.join(' and ')}.`);
  return found;
}

/**
 * Strict: the page runs only its own script file and talks only to this service. Uploads go by
 * fetch (connect-src), so no form posts anywhere; the photo preview needs blob: images.
 */
export const WEB_FORM_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ASSETS = [
  { url: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { url: '/assets/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { url: '/assets/styles.css', file: 'styles.css', type: 'text/css; charset=utf-8' },
] as const;

/** GET /: the students' web form, served by the service itself; three small files read once at start. */
const webFormRoutes: FastifyPluginAsync = async (app) => {
  const dir = findWebFormDir();
  for (const asset of ASSETS) {
    const body = readFileSync(path.join(dir, asset.file));
    app.get(asset.url, { logLevel: 'warn' }, async (_request, reply) =>
      reply
        .type(asset.type)
        .header('content-security-policy', WEB_FORM_CSP)
        .header('referrer-policy', 'no-referrer')
        .header('x-frame-options', 'DENY')
        .header('cross-origin-opener-policy', 'same-origin')
        .send(body),
    );
  }
};
export default webFormRoutes;
