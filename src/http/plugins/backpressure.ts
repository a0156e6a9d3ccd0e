import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { FileTooLargeError, OverloadedError } from '../../report/errors.js';
import { CheckAdmission, type AdmissionStats, type CheckTicket } from '../admission/checkAdmission.js';
import { closeAfterAnswer } from '../admission/lingeringClose.js';
import { UploadBudget } from '../admission/uploadBudget.js';
import { UploadPace } from '../admission/uploadPace.js';
import { isUpload } from '../readUpload.js';
import { clientOf, runsChecks } from '../routePolicy.js';

export interface BackpressureOptions {
  /** MAX_QUEUE: letters admitted at once (waiting for a reader or OCR worker, or being checked). */
  maxQueue: number;
  /** MAX_UPLOADS_PER_CLIENT and MAX_UPLOAD_BYTES_IN_FLIGHT: what bodies still arriving may hold. */
  maxUploadsPerClient: number;
  maxUploadBytesInFlight: number;
  /** UPLOAD_TIMEOUT_MS and MIN_UPLOAD_BYTES_PER_SECOND: how fast a body must arrive. */
  uploadTimeoutMs: number;
  minUploadBytesPerSecond: number;
  /** MAX_RSS_MB in bytes: past it, new checks are refused rather than started. */
  maxRssBytes: number;
  /** A single letter's ticket is released after this long whatever happened to its request (REQUEST_TIMEOUT_MS x 2). */
  ticketTimeoutMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    admission: AdmissionStats;
    uploadsInFlight(): { uploads: number; bytes: number };
  }
  interface FastifyRequest {
    checkTicket: CheckTicket | null;
  }
}

/** The window the minimum upload rate is measured over (see UploadPace). */
const RATE_WINDOW_MS = 10_000;

/**
 * A route that hands its letters' ticket on (batches) releases it letter by letter itself; the
 * request's hooks then leave it alone.
 */
export function takeCheckTicket(request: FastifyRequest): CheckTicket {
  const ticket = request.checkTicket;
  if (!ticket) throw new Error('takeCheckTicket: the request holds no admission ticket');
  request.checkTicket = null;
  return ticket;
}

/**
 * Load, in two stages, on the routes whose config says `runsChecks` (however their path was spelled):
 *
 * 1. Before the body is read (preParsing): a request is refused at once, without reading its body,
 *    when the process is past MAX_RSS_MB, when no letter could be admitted anyway, when it announces
 *    more than the route takes, or when its client already has MAX_UPLOADS_PER_CLIENT bodies
 *    arriving or the bodies arriving claim MAX_UPLOAD_BYTES_IN_FLIGHT. Otherwise its body is read
 *    under UPLOAD_TIMEOUT_MS and MIN_UPLOAD_BYTES_PER_SECOND (408 UPLOAD_TOO_SLOW).
 * 2. Once the body is complete (preHandler): its letters are admitted against MAX_QUEUE, or
 *    refused. A letter holds its place until it has been checked: a single letter until its answer
 *    is sent and its connection is done with (a client that leaves does not free the place while
 *    its check still runs), a batch's letters one by one as the batch checks them.
 *
 * So an upload that trickles in holds an upload slot of its own client for at most the body
 * deadline, and never a place in the check queue. Every refusal is 503 OVERLOADED with Retry-After;
 * an answer sent before the body was read to its end closes the connection without a reset, so the
 * client reads it (lingeringClose.ts).
 */
export default fp<BackpressureOptions>(
  async (app, options) => {
    const admission = new CheckAdmission(options.maxQueue);
    const uploads = new UploadBudget({ perClient: options.maxUploadsPerClient, bytes: options.maxUploadBytesInFlight });
    app.decorate('admission', admission.stats);
    app.decorate('uploadsInFlight', () => uploads.inFlight);
    app.decorateRequest('checkTicket', null);

    const retryIn = () => `send it again in ${admission.stats.retryAfterSeconds} s`;
    function refuseWhenShortOfMemory() {
      const rss = process.memoryUsage.rss();
      if (rss > options.maxRssBytes) {
        admission.refuse();
        throw new OverloadedError(`The service is short of memory right now (${Math.round(rss / 2 ** 20)} MB in use); ${retryIn()}.`);
      }
    }

    app.addHook('preParsing', async (request, reply, payload) => {
      if (!runsChecks(request)) return payload;
      refuseWhenShortOfMemory();
      if (admission.free <= 0) {
        admission.refuse();
        throw new OverloadedError(`The service is checking ${admission.stats.admitted} letters already; ${retryIn()}.`);
      }
      const announced = Number(request.headers['content-length']);
      const hasBody = request.headers['transfer-encoding'] !== undefined || announced > 0;
      if (!hasBody) return payload;
      const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit!;
      if (announced > limit) throw new FileTooLargeError(`The upload is ${announced} bytes; this route takes at most ${limit}.`);
      const slot = uploads.tryStart(clientOf(request), Number.isFinite(announced) ? announced : limit);
      if (slot === 'client-busy') {
        admission.refuse();
        throw new OverloadedError(`${options.maxUploadsPerClient} uploads from you are still arriving; ${retryIn()}.`);
      }
      if (slot === 'full') {
        admission.refuse();
        throw new OverloadedError(`The service is receiving as many uploads as it can hold; ${retryIn()}.`);
      }
      const paced = new UploadPace(payload, {
        deadlineMs: options.uploadTimeoutMs,
        minBytesPerSecond: options.minUploadBytesPerSecond,
        windowMs: RATE_WINDOW_MS,
      });
      // The slot is the body's: free once it has arrived, failed, or its request is gone.
      paced.once('end', slot.release);
      paced.once('close', slot.release);
      request.raw.once('close', slot.release);
      reply.raw.once('close', slot.release);
      return paced;
    });

    app.addHook('preHandler', async (request, reply) => {
      if (!runsChecks(request) || !isUpload(request.body)) return;
      refuseWhenShortOfMemory();
      const ticket = admission.tryAdmit(request.body.files.length);
      if (!ticket) {
        throw new OverloadedError(`The service is checking ${admission.stats.admitted} letters already; ${retryIn()}.`);
      }
      request.checkTicket = ticket;
      // The request's own ticket: released once its handler has answered and its connection is done.
      let handlerDone = false;
      let responseGone = false;
      const timer = setTimeout(() => ticket.releaseAll(), options.ticketTimeoutMs);
      timer.unref();
      const settle = () => {
        if (!handlerDone || !responseGone || request.checkTicket !== ticket) return;
        clearTimeout(timer);
        ticket.releaseAll();
      };
      const gone = () => {
        responseGone = true;
        settle();
      };
      reply.raw.once('finish', gone);
      reply.raw.once('close', gone);
      (request as FastifyRequest & { [HANDLER_DONE]?: () => void })[HANDLER_DONE] = () => {
        handlerDone = true;
        // A route that took the ticket over releases it itself.
        if (request.checkTicket !== ticket) clearTimeout(timer);
        settle();
      };
    });

    // onSend runs once the handler has answered, also when its client has already left.
    app.addHook('onSend', async (request, reply, payload) => {
      (request as FastifyRequest & { [HANDLER_DONE]?: () => void })[HANDLER_DONE]?.();
      if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(admission.stats.retryAfterSeconds));
      // Answered before its body had all arrived (a refusal): close without a reset, so the client
      // reads the answer. (`complete` is Node's: the parser has the whole message; inject() has none.)
      if (request.raw.complete === false) {
        reply.header('connection', 'close');
        closeAfterAnswer(request.raw);
      }
      return payload;
    });
  },
  { name: 'backpressure', dependencies: ['problem-details', 'api-keys'] },
);

const HANDLER_DONE = Symbol('handler done');
