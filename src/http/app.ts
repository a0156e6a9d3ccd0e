import type { Duplex } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Settings } from '../config/settings.js';
import { createChecker, type Checker } from '../checker.js';
import { createOcrService } from '../extract/ocr/createOcrService.js';
import { loggerOptions, requestIdOptions } from './logger.js';
import apiKeys from './plugins/apiKeys.js';
import backpressure from './plugins/backpressure.js';
import checkerPlugin from './plugins/checker.js';
import noStore from './plugins/noStore.js';
import problemDetails, { problemBody } from './plugins/problemDetails.js';
import rateLimit from './plugins/rateLimit.js';
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
    clientErrorHandler: answerClientError,
    ...fastify,
  });
  await app.register(problemDetails);
  await app.register(noStore);
  // Access and load, in this order for every request: who is asking, how often, whether there is room.
  await app.register(apiKeys, { keys: settings.API_KEYS, openWebForm: settings.OPEN_WEB_FORM });
  await app.register(rateLimit, { perAddress: settings.RATE_LIMIT_PER_MINUTE, perKey: settings.RATE_LIMIT_KEYED_PER_MINUTE });
  await app.register(backpressure, { maxQueue: settings.MAX_QUEUE, maxUploadBytes: settings.MAX_UPLOAD_BYTES, ticketTimeoutMs: settings.REQUEST_TIMEOUT_MS * 2 });
  // The OCR workers start here, once: /readyz answers once they have loaded.
  const ocr = checker || settings.OCR_WORKERS === 0 ? null : createOcrService(settings, app.log);
  await app.register(checkerPlugin, { checker: checker ?? (await createChecker(settings, { ocr, log: app.log })) });
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
