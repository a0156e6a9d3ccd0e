import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Settings } from '../config/settings.js';
import { createChecker, type Checker } from '../checker.js';
import { createOcrService } from '../extract/ocr/createOcrService.js';
import { loggerOptions, requestIdOptions } from './logger.js';
import checkerPlugin from './plugins/checker.js';
import noStore from './plugins/noStore.js';
import problemDetails from './plugins/problemDetails.js';
import uploads from './plugins/uploads.js';
import batchRoutes from './routes/batches.js';
import healthRoutes from './routes/health.js';
import profileRoutes from './routes/profiles.js';
import validateRoutes from './routes/validate.js';
import webFormRoutes from './routes/webForm.js';

export interface BuildAppOptions {
  settings: Settings;
  /** Injected by tests and the CLI; otherwise built from the settings. */
  checker?: Checker;
  /** Overrides for tests, e.g. a logger stream to capture. */
  fastify?: Pick<FastifyServerOptions, 'logger' | 'loggerInstance'>;
}

/** The whole service, ready for inject() or listen(); never listens itself. */
export async function buildApp({ settings, checker, fastify = {} }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(settings),
    ...requestIdOptions,
    bodyLimit: settings.MAX_UPLOAD_BYTES,
    // Enough for the slowest OCR'd letter; the checker's own deadline answers first.
    requestTimeout: settings.REQUEST_TIMEOUT_MS + 10_000,
    trustProxy: parseTrustProxy(settings.TRUST_PROXY) as boolean | string | string[],
    ...fastify,
  });
  await app.register(problemDetails);
  await app.register(noStore);
  // The OCR workers start here, once: /readyz answers once they have loaded.
  const ocr = checker || settings.OCR_WORKERS === 0 ? null : createOcrService(settings, app.log);
  await app.register(checkerPlugin, { checker: checker ?? (await createChecker(settings, { ocr })) });
  await app.register(uploads, { settings });
  await app.register(healthRoutes);
  await app.register(profileRoutes);
  await app.register(validateRoutes);
  await app.register(batchRoutes, { settings });
  await app.register(webFormRoutes);
  return app;
}

/** TRUST_PROXY: "false", "true" (trust every hop: only behind a proxy you run), a hop count, or addresses/CIDRs. */
export function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'false' || value === '') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
