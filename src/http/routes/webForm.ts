import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { pdfjsDirectory } from '../../extract/pdfjsPackage.js';

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
 * Strict: the page runs only its own script files and talks only to this service. Uploads go by
 * fetch (connect-src), so no form posts anywhere; the photo preview needs blob: images; pdf.js,
 * which draws a PDF letter's pages in the browser, runs in a worker from this origin.
 */
export const WEB_FORM_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ASSETS = [
  { url: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { url: '/assets/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { url: '/assets/styles.css', file: 'styles.css', type: 'text/css; charset=utf-8' },
] as const;

/**
 * pdf.js for the page view, from the installed package (the one the reader uses), never a CDN:
 * its browser build and worker, and the CMaps and standard fonts a PDF may name without
 * embedding. Only files listed here at start are served: a name is a key, never a path.
 */
function pdfjsAssets(): Map<string, { file: string; type: string }> {
  const assets = new Map<string, { file: string; type: string }>();
  for (const name of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
    assets.set(name, { file: path.join(pdfjsDirectory, 'build', name), type: 'text/javascript; charset=utf-8' });
  }
  for (const folder of ['cmaps', 'standard_fonts']) {
    for (const name of readdirSync(path.join(pdfjsDirectory, folder))) {
      assets.set(`${folder}/${name}`, { file: path.join(pdfjsDirectory, folder, name), type: 'application/octet-stream' });
    }
  }
  return assets;
}

const PAGE_HEADERS = {
  'content-security-policy': WEB_FORM_CSP,
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * GET /: the students' web form, served by the service itself; three small files read once at
 * start, and pdf.js's files read when a page view first asks for them (about 1.5 MB, most forms
 * never draw a PDF).
 */
const webFormRoutes: FastifyPluginAsync = async (app) => {
  const dir = findWebFormDir();
  for (const asset of ASSETS) {
    const body = readFileSync(path.join(dir, asset.file));
    app.get(asset.url, { logLevel: 'warn' }, async (_request, reply) => reply.type(asset.type).headers(PAGE_HEADERS).send(body));
  }
  const pdfjs = pdfjsAssets();
  const cached = new Map<string, Promise<Buffer>>();
  app.get<{ Params: { '*': string } }>('/assets/pdfjs/*', { logLevel: 'warn' }, async (request, reply) => {
    const name = request.params['*'];
    const asset = pdfjs.get(name);
    if (!asset) return reply.callNotFound();
    let body = cached.get(name);
    if (!body) cached.set(name, (body = readFile(asset.file)));
    return reply
      .type(asset.type)
      .headers(PAGE_HEADERS)
      // The same URL serves the same installed file until the package is upgraded and the service restarted.
      .header('cache-control', 'public, max-age=3600')
      .send(await body);
  });
};
export default webFormRoutes;
