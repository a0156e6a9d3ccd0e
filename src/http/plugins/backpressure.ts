import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FileTooLargeError, OverloadedError } from '../../report/errors.js';

export interface BackpressureOptions {
  /** Requests that run checks, admitted at once (MAX_QUEUE): reading their upload, waiting, or being checked. */
  maxQueue: number;
  /** MAX_UPLOAD_BYTES: a single-letter upload that announces more is refused before its body is read. */
  maxUploadBytes: number;
  /** A ticket is released after this long whatever happened to its request (REQUEST_TIMEOUT_MS x 2). */
  ticketTimeoutMs: number;
}

export interface AdmissionStats {
  admitted: number;
  refused: number;
  /** Seconds the last checks took, smoothed: what Retry-After tells a refused client. */
  retryAfterSeconds: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    admission: AdmissionStats;
  }
}

// A multipart body carries its boundaries, part headers and a few short fields besides the file.
const MULTIPART_OVERHEAD = 64 * 1024;
const TICKET = Symbol('admission ticket');

interface Ticket {
  admittedAt: number;
  handlerDone: boolean;
  responseGone: boolean;
  released: boolean;
  timer: NodeJS.Timeout;
}

function runsChecks(request: FastifyRequest): boolean {
  return request.method === 'POST' && request.url.startsWith('/v1/');
}

/**
 * A bounded queue in front of the checker: every POST /v1/* holds a ticket from before its body is
 * read until its handler has answered and its connection is done with (a client that leaves does
 * not free the slot while its check still runs). Past MAX_QUEUE tickets the answer is 503 OVERLOADED
 * with Retry-After, at once and without reading the body, so memory stays bounded by
 * MAX_QUEUE x MAX_UPLOAD_BYTES however many clients arrive. Every 503 carries Retry-After.
 */
export default fp<BackpressureOptions>(
  async (app, options) => {
    const stats: AdmissionStats = { admitted: 0, refused: 0, retryAfterSeconds: 1 };
    let smoothedMs = 1000;
    app.decorate('admission', stats);

    function release(ticket: Ticket) {
      if (ticket.released) return;
      ticket.released = true;
      clearTimeout(ticket.timer);
      stats.admitted -= 1;
      smoothedMs = smoothedMs * 0.8 + (Date.now() - ticket.admittedAt) * 0.2;
      stats.retryAfterSeconds = Math.min(60, Math.max(1, Math.ceil(smoothedMs / 1000)));
    }

    // preParsing: after authentication and the rate limit (onRequest), before any body is read.
    app.addHook('preParsing', async (request, reply) => {
      if (!runsChecks(request)) return;
      const announced = Number(request.headers['content-length']);
      if (request.url.split('?')[0] === '/v1/validate' && announced > options.maxUploadBytes + MULTIPART_OVERHEAD) {
        // The connection cannot be reused: the unread body would be taken for the next request.
        reply.header('connection', 'close');
        throw new FileTooLargeError(`The upload is ${announced} bytes; the limit is ${options.maxUploadBytes}.`);
      }
      if (stats.admitted >= options.maxQueue) {
        stats.refused += 1;
        reply.header('connection', 'close');
        throw new OverloadedError(`The service is checking ${stats.admitted} letters already; send this one again in ${stats.retryAfterSeconds} s.`);
      }
      stats.admitted += 1;
      const ticket: Ticket = {
        admittedAt: Date.now(),
        handlerDone: false,
        responseGone: false,
        released: false,
        timer: setTimeout(() => release(ticket), options.ticketTimeoutMs),
      };
      ticket.timer.unref();
      (request as FastifyRequest & { [TICKET]?: Ticket })[TICKET] = ticket;
      const gone = () => {
        ticket.responseGone = true;
        if (ticket.handlerDone) release(ticket);
      };
      reply.raw.once('finish', gone);
      reply.raw.once('close', gone);
    });

    // onSend runs once the handler has answered, also when its client has already left.
    app.addHook('onSend', async (request, reply: FastifyReply, payload) => {
      const ticket = (request as FastifyRequest & { [TICKET]?: Ticket })[TICKET];
      if (ticket) {
        ticket.handlerDone = true;
        if (ticket.responseGone) release(ticket);
      }
      if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(stats.retryAfterSeconds));
      return payload;
    });
  },
  { name: 'backpressure', dependencies: ['problem-details'] },
);
