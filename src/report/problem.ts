import { z } from 'zod';

/**
 * Problem codes: the stable, machine-readable half of every error answer (RFC 9457).
 * Each maps to one HTTP status; src/http/errors.ts builds the @fastify/error classes from this table.
 */
export const PROBLEM_STATUS = {
  FILE_MISSING: 400,
  INVALID_REQUEST: 400,
  UNKNOWN_PROFILE: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DOCUMENT_UNREADABLE: 422,
  DOCUMENT_ENCRYPTED: 422,
  DOCUMENT_EMPTY: 422,
  TOO_MANY_PAGES: 422,
  IMAGE_TOO_LARGE: 422,
  ARCHIVE_LIMIT_EXCEEDED: 422,
  TEXT_TOO_LONG: 422,
  PROCESSING_TIMEOUT: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  OVERLOADED: 503,
  NOT_READY: 503,
  // Added with the hostile-input limits (issue 6); appended so that existing codes keep their place.
  UPLOAD_INCOMPLETE: 400,
  DOCUMENT_AMBIGUOUS_TYPE: 422,
  DOCUMENT_TOO_COMPLEX: 422,
  // Added with the slow-client limits (issue 10).
  UPLOAD_TOO_SLOW: 408,
  // Added with cases of several documents (issue 15).
  TOO_MANY_DOCUMENTS: 400,
  CASE_TOO_LARGE: 413,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;
export const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as [ProblemCode, ...ProblemCode[]];

export const Problem = z
  .object({
    type: z.string().meta({ description: 'A URI naming the problem type; about:blank-style relative URIs under /problems/.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.enum(PROBLEM_CODES),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
