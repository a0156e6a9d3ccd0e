import type { Duplex } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Settings } from '../config/settings.js';
import { createChecker, type Checker } from '../checker.js';
import { createOcrService } from '../extract/ocr/createOcrService.js';
import { connectFleet } from '../fleet/connectFleet.js';
import { OcrDeadlineAdmission, poolBacklog } from './admission/ocrDeadline.js';
import { loggerOptions, requestIdOptions } from './logger.js';
import apiKeys from './plugins/apiKeys.js';
import backpressure from './plugins/backpressure.js';
import checkerPlugin from './plugins/checker.js';
import noStore from './plugins/noStore.js';
import ocrDeadline from './plugins/ocrDeadline.js';
import problemDetails, { problemBody } from './plugins/problemDetails.js';
import rateLimit from './plugins/rateLimit.js';
import uploads from './plugins/uploads.js';
import batchRoutes from './routes/batches.js';
import healthRoutes from './routes/health.js';
import profileRoutes from './routes/profiles.js';
import validateRoutes from './routes/validate.js';
import webFormRoutes from './routes/webForm.js';
import { withAccess } from './routePolicy.js';

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
    // Routes that take letters set their own (routes/validate.ts, routes/batches.ts).
    bodyLimit: settings.MAX_UPLOAD_BYTES,
    // Node's own limit on receiving a whole request, headers and body: a backstop behind the body
    // pace (UPLOAD_TIMEOUT_MS, 408 UPLOAD_TOO_SLOW), which answers first on the routes that take letters.
    requestTimeout: settings.UPLOAD_TIMEOUT_MS + 10_000,
    // One spelling per route: a path in another case, with a trailing or doubled slash, or a
    // semicolon (fastify's default useSemicolonDelimiter: false) is no route (404). Percent-escapes are decoded by the router, so `/v%31/validate` is
    // POST /v1/validate, and access, rate limits and admission follow the route it matched
    // (routePolicy.ts), never the text of the URL.
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, ignoreDuplicateSlashes: false },
    trustProxy: parseTrustProxy(settings.TRUST_PROXY) as boolean | string | string[],
    clientErrorHandler: answerClientError,
    ...fastify,
  });
  await app.register(problemDetails);
  await app.register(noStore);
  // Access and load, in this order for every request: who is asking, how often, whether there is room.
  await app.register(apiKeys, { keys: settings.API_KEYS, openWebForm: settings.OPEN_WEB_FORM });
  await app.register(rateLimit, { perAddress: settings.RATE_LIMIT_PER_MINUTE, perKey: settings.RATE_LIMIT_KEYED_PER_MINUTE });
  await app.register(backpressure, {
    maxQueue: settings.MAX_QUEUE,
    maxUploadsPerClient: settings.MAX_UPLOADS_PER_CLIENT,
    maxUploadBytesInFlight: settings.MAX_UPLOAD_BYTES_IN_FLIGHT,
    uploadTimeoutMs: settings.UPLOAD_TIMEOUT_MS,
    minUploadBytesPerSecond: settings.MIN_UPLOAD_BYTES_PER_SECOND,
    maxRssBytes: settings.MAX_RSS_MB * 1024 * 1024,
    ticketTimeoutMs: settings.REQUEST_TIMEOUT_MS * 2,
  });
  // With REDIS_URL, letters are checked by the fleet's workers (npm run worker) and batches live in
  // Redis; without it, everything happens in this process. The fleet's connections close last
  // (onClose hooks run in reverse order), once the batch routes and the checker are done with them.
  const fleet = !checker && settings.REDIS_URL ? await connectFleet(settings, app.log) : null;
  if (fleet) app.addHook('onClose', () => fleet.close());
  // The OCR workers start here, once: /readyz answers once they have loaded.
  const ocr = checker || fleet || settings.OCR_WORKERS === 0 ? null : createOcrService(settings, app.log);
  // Which engine reads pages is settled before the service listens: OCR_ENGINE=native on a machine
  // without a working tesseract stops the start-up here, with the reason.
  const ocrEngine = ocr ? await ocr.engine() : null;
  if (ocrEngine) app.log.info({ ocr: { ...ocrEngine, workers: settings.OCR_WORKERS } }, `OCR engine: ${ocrEngine.name} (${ocrEngine.version})`);
  await app.register(checkerPlugin, { checker: checker ?? fleet?.checker ?? (await createChecker(settings, { ocr, log: app.log })) });
  const ocrBacklog = fleet?.backlog ?? (ocr ? poolBacklog(ocr) : null);
  await app.register(ocrDeadline, {
    admission: ocrBacklog ? new OcrDeadlineAdmission(ocrBacklog, settings.REQUEST_TIMEOUT_MS) : null,
    maxPages: settings.MAX_PAGES,
    releaseAfterMs: settings.REQUEST_TIMEOUT_MS * 2,
  });
  await app.register(uploads, { settings });
  // Every route declares who may call it (routePolicy.ts); these need no key ever.
  await app.register(withAccess('public', healthRoutes), { fleet, ocrEngine: ocrEngine?.name ?? null });
  await app.register(profileRoutes);
  await app.register(validateRoutes, { settings });
  await app.register(batchRoutes, { settings, batches: fleet?.batches });
  await app.register(withAccess('public', webFormRoutes));
  return app;
}

/** TRUST_PROXY: "false", "true" (trust every hop: only behind a proxy you run), a hop count, or addresses/CIDRs. */
export function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'false' || value === '') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request: above all a body that ends before
 * its Content-Length (UPLOAD_INCOMPLETE, never a shortened letter). Answered as problem+json and
 * never logged with the error's raw packet, which holds whatever of the letter had arrived.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = error.code === 'HPE_INVALID_EOF_STATE' ? 'UPLOAD_INCOMPLETE' : 'INVALID_REQUEST';
  const detail = code === 'UPLOAD_INCOMPLETE' ? 'The upload ended before the file was complete; nothing was checked. Send it again.' : 'The request could not be read.';
  // No request exists yet: no instance, no request id.
  const { instance: _instance, requestId: _requestId, ...problem } = problemBody(code, detail, '', '');
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
