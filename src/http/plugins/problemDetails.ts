import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_STATUS, type Problem, type ProblemCode } from '../../report/index.js';
import { PROBLEM_TITLES, isProblemError } from '../../report/errors.js';

// Fastify's and its plugins' own error codes, mapped onto ours so clients see one vocabulary.
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_ERR_CTP_EMPTY_BODY: 'FILE_MISSING',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_REQUEST',
  FST_ERR_VALIDATION: 'INVALID_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_REQUEST',
};

export function problemCodeOf(error: FastifyError): ProblemCode {
  if (isProblemError(error)) return error.code;
  const mapped = FASTIFY_CODES[error.code];
  if (mapped) return mapped;
  // Node's error on a request whose client ended it before its Content-Length: the client has
  // already been answered 400 UPLOAD_INCOMPLETE by the parser's error handler (app.ts).
  if (error.code === 'ECONNRESET' && error.message === 'aborted') return 'UPLOAD_INCOMPLETE';
  const status = error.statusCode ?? 500;
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'OVERLOADED';
  if (status === 413) return 'FILE_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status >= 400 && status < 500) return 'INVALID_REQUEST';
  return 'INTERNAL_ERROR';
}

export function problemType(code: ProblemCode): string {
  return `urn:offercheck:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function problemBody(code: ProblemCode, detail: string | undefined, instance: string, requestId: string): Problem {
  return {
    type: problemType(code),
    title: PROBLEM_TITLES[code] ?? code,
    status: PROBLEM_STATUS[code],
    code,
    ...(detail ? { detail } : {}),
    instance,
    requestId,
  };
}

/** The problem an error becomes: our own errors keep their message, anything unexpected says nothing of its insides. */
export function problemOf(error: FastifyError, instance: string, requestId: string): Problem {
  const code = problemCodeOf(error);
  const detail = code === 'INTERNAL_ERROR' ? undefined : isProblemError(error) ? error.message : publicDetail(error);
  return problemBody(code, detail, instance, requestId);
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ProblemCode, detail?: string) {
  const body = problemBody(code, detail, request.url.split('?')[0], String(request.id));
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Every error leaves as RFC 9457 problem+json with a stable code; internals never leak. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = problemOf(error, request.url.split('?')[0], String(request.id));
      const code = problem.code;
      if (code === 'INTERNAL_ERROR') request.log.error({ err: { type: error.name, code: error.code, stack: error.stack } }, 'unexpected error');
      else request.log.info({ problem: code }, 'request refused');
      const headers = (error as FastifyError & { headers?: Record<string, string> }).headers;
      if (error.statusCode === 429 && headers) reply.headers(headers);
      return reply.code(problem.status).type('application/problem+json').send(problem);
    });
    app.setNotFoundHandler((request, reply) => sendProblem(reply, request, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));
  },
  { name: 'problem-details' },
);

function publicDetail(error: FastifyError): string | undefined {
  // Fastify's own messages describe the request, never the letter, so they are safe to return.
  return error.code?.startsWith('FST_') ? error.message : undefined;
}
