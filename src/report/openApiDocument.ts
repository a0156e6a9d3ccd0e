import { z } from 'zod';
import { ProfileSchema } from '../rules/profile.js';
import { FINDING_CODES } from './findingCodes.js';
import { PROBLEM_STATUS, Problem, type ProblemCode } from './problem.js';
import { Report } from './report.js';
import { Batch } from './batch.js';
import { ElementName } from './elementNames.js';
import { ValidateOptions } from './request.js';

type JsonSchema = Record<string, unknown>;

const ProfileList = z
  .object({
    profiles: z.array(ProfileSchema.meta({ id: 'Profile' })),
    elements: z
      .array(z.object({ name: ElementName, label: z.string().meta({ description: 'The element as the checklist names it to a student.' }) }))
      .meta({ description: 'Every element a report can carry, in checklist order, with the words the web form and the CLI show for it.' }),
  })
  .meta({ id: 'ProfileList' });

const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

const Readiness = z
  .object({
    status: z.literal('ready'),
    ocrEngine: z
      .enum(['native', 'wasm'])
      .nullable()
      .optional()
      .describe('What reads photos and scans in this process: native tesseract processes, or tesseract.js (WebAssembly); null when OCR is off; absent with the fleet (its workers read them).'),
    redis: z.literal('ok').optional().meta({ description: 'With the fleet (REDIS_URL): Redis answers.' }),
    workers: z.number().int().optional().meta({ description: 'With the fleet: workers heard from in the last 10 s.' }),
    ocrSlots: z.number().int().optional().meta({ description: 'With the fleet: pages those workers can read by OCR at once (0: photos are refused).' }),
  })
  .meta({ id: 'Readiness' });

/** The schemas that openapi.yaml's components are generated from: nothing in the spec is typed by hand (ValidateOptions becomes the query parameters and form fields). */
const CONTRACT_SCHEMAS = [Report, Problem, ProfileList, Health, Readiness, Batch];

/** zod -> JSON Schema 2020-12 (what OpenAPI 3.1 uses), every named schema lifted into components. */
export function componentSchemas(): Record<string, JsonSchema> {
  const components: Record<string, JsonSchema> = {};
  for (const schema of CONTRACT_SCHEMAS) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as JsonSchema & {
      $defs?: Record<string, JsonSchema>;
    };
    for (const [id, def] of Object.entries(json.$defs ?? {})) components[id] = rewriteRefs(def) as JsonSchema;
  }
  return Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>)
        .filter(([key]) => key !== '$schema')
        .map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? value.replace('#/$defs/', '#/components/schemas/') : rewriteRefs(value)]),
    );
  }
  // 2^53-1 bounds that zod adds to every int say nothing to a reader.
  return node;
}

function problemResponse(codes: ProblemCode[]) {
  const status = PROBLEM_STATUS[codes[0]];
  return {
    description: `A problem: ${codes.map((c) => `\`${c}\``).join(', ')}.`,
    // Busy and rate-limited answers say when to come back.
    ...(status === 429 || status === 503
      ? { headers: { 'Retry-After': { description: 'Seconds to wait before sending the request again.', schema: { type: 'integer', minimum: 1 } } } }
      : {}),
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

/** Group problem codes by status for a route's responses. */
function problemResponses(codes: ProblemCode[]) {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) byStatus.set(PROBLEM_STATUS[code], [...(byStatus.get(PROBLEM_STATUS[code]) ?? []), code]);
  return Object.fromEntries([...byStatus.entries()].sort(([a], [b]) => a - b).map(([status, list]) => [String(status), problemResponse(list)]));
}

const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'message/rfc822',
  'application/vnd.ms-outlook',
  'text/plain',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/webp',
  'image/heic',
  'application/octet-stream',
];

const VALIDATE_PROBLEMS: ProblemCode[] = [
  'FILE_MISSING',
  'INVALID_REQUEST',
  'UNKNOWN_PROFILE',
  'UNAUTHORIZED',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'DOCUMENT_UNREADABLE',
  'DOCUMENT_ENCRYPTED',
  'DOCUMENT_EMPTY',
  'TOO_MANY_PAGES',
  'IMAGE_TOO_LARGE',
  'ARCHIVE_LIMIT_EXCEEDED',
  'TEXT_TOO_LONG',
  'PROCESSING_TIMEOUT',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_TOO_SLOW',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'OVERLOADED',
  'TOO_MANY_DOCUMENTS',
  'CASE_TOO_LARGE',
];

function queryParameters() {
  const json = z.toJSONSchema(ValidateOptions, { target: 'draft-2020-12', io: 'input' }) as { $defs: Record<string, { properties: Record<string, JsonSchema> }> };
  return Object.entries(json.$defs.ValidateOptions.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    description: (schema.description as string | undefined) ?? `Same as the multipart field \`${name}\`.`,
    schema: rewriteRefs({ ...schema, description: undefined }),
  }));
}

/** The whole OpenAPI 3.1 document. `npm run openapi` writes it to openapi.yaml; a test checks the file is current. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'offercheck',
      version: '1.0.0',
      summary: 'Checks internship and co-op offer letters against the CPT checklist.',
      description:
        'Send an offer letter (PDF, Word .docx or .doc, .eml, .msg, plain text, or an image/scan) and get a field-by-field report: ' +
        'for each checklist element its status, normalized value, quoted evidence, confidence and a plain-language fix. ' +
        'Every reader turns the letter into one structured document (pages of paragraphs, list items, tables and pictures, ' +
        'each in a region of the page: header, body, closing, footer, email envelope) and the checks read that structure, ' +
        'so each evidence item is a span of the letter: its `page`, its `quote` (the letter\'s words, line breaks as spaces) ' +
        'and, where the source has page geometry (PDF, photos and scans), its `box` on the page. ' +
        'Errors are RFC 9457 problem details with a stable `code`. Finding codes: ' +
        FINDING_CODES.map((c) => `\`${c}\``).join(', ') +
        '.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'A local instance (npm start)' }],
    security: [{}, { apiKey: [] }],
    tags: [
      { name: 'letters', description: 'Checking offer letters' },
      { name: 'profiles', description: "Schools' checklists" },
      { name: 'health', description: 'Liveness and readiness' },
    ],
    paths: {
      '/v1/validate': {
        post: {
          operationId: 'validateLetter',
          tags: ['letters'],
          summary: 'Check one offer letter, or one student\'s case of documents',
          description:
            'Send the letter as the multipart field `file` with optional text fields, or as the raw request body with the options as query parameters. ' +
            'The type is decided from the bytes, never from the name or Content-Type. Answers 200 with the report whenever the letter could be read, complete or not.\n\n' +
            'A case: several `file` parts are one student\'s documents, the letter first, then what the employer sent after it (a follow-up email, an addendum, a page photographed apart), ' +
            'judged as one report. Each element is taken from the letter when it states it, else from the first later document that does; each evidence item names its `document` ' +
            '(`index` in the report\'s `documents`, and `fileName`) and its page within that document. Two documents that state different dates, hours, pay or work sites give ' +
            '`DOCUMENTS_DISAGREE` and the verdict `needs_review`; a later email from a free-mail address never stands for the letterhead. At most MAX_CASE_DOCUMENTS documents ' +
            '(`TOO_MANY_DOCUMENTS`) of MAX_CASE_BYTES together (`CASE_TOO_LARGE`), each held to the limits of a single letter. One document gives the report as before, with `documents` listing it.\n\n' +
            'The record: with `Accept: application/pdf` (rated above application/json) the answer is a one- or two-page PDF summary of the report for the student\'s file ' +
            '(verdict, profile, each element with its value, quote and page, the findings, the check date and the SHA-256 of each document read), and no other text of the letters. ' +
            'Problems are problem+json whatever the Accept header says.',
          parameters: queryParameters(),
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: {
                    file: {
                      type: 'array',
                      minItems: 1,
                      items: { type: 'string', contentMediaType: 'application/octet-stream' },
                      description:
                        'The offer letter: one part. For a case, one part per document, the letter first, then the documents sent after it (at most MAX_CASE_DOCUMENTS, default 5).',
                    },
                    ...Object.fromEntries(queryParameters().map((p) => [p.name, { ...(p.schema as JsonSchema), description: p.description }])),
                  },
                },
              },
              ...Object.fromEntries(DOCUMENT_TYPES.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
            },
          },
          responses: {
            '200': {
              description: 'The field-by-field report (JSON), or with `Accept: application/pdf` the record for the student\'s file (PDF, one or two pages).',
              headers: {
                Vary: { description: 'Accept: the same request answers JSON or PDF.', schema: { type: 'string' } },
                'Content-Disposition': {
                  description: 'For the PDF record only: `attachment; filename="offercheck-record-<checkedOn>.pdf"`.',
                  schema: { type: 'string' },
                },
              },
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Report' } },
                'application/pdf': {
                  schema: {
                    type: 'string',
                    contentMediaType: 'application/pdf',
                    description:
                      'The record: verdict, profile, check date, each document read with its SHA-256, each element with its value and a quote with its document and page, the findings with their codes.',
                  },
                },
              },
            },
            ...problemResponses(VALIDATE_PROBLEMS),
          },
        },
      },
      '/v1/batches': {
        post: {
          operationId: 'createBatch',
          tags: ['letters'],
          summary: 'Check several letters at once',
          description:
            'Up to MAX_BATCH_FILES letters, each in a multipart part named `file`, with the same options as /v1/validate applied to all. ' +
            'Answers 202 at once; fetch the result from the Location, or name a `callback_url` (on a host the operator allows) to receive it. ' +
            'The batch belongs to the API key that created it. Each letter counts against the service\'s queue until it is checked: a batch that does not fit whole is 503 `OVERLOADED`; ' +
            'a key with MAX_BATCHES_PER_KEY batches still being checked gets 429 `RATE_LIMITED`. ' +
            'Send an `Idempotency-Key` to make retrying safe: the same request again with the same key (from the same API key) gets the batch the first one created, checked once.',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'Your own name for this request (1-255 visible ASCII characters, a UUID say), kept while the batch is. Repeated with the same letters and options: 202 with the same batch and `Idempotent-Replayed: true`; with other letters or options: 400 `INVALID_REQUEST`.',
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: {
                    file: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' }, description: 'The letters.' },
                    callback_url: { type: 'string', format: 'uri', description: 'Where to POST the finished batch (signed with HMAC-SHA256 when CALLBACK_SECRET is set).' },
                    ...Object.fromEntries(queryParameters().map((p) => [p.name, { ...(p.schema as JsonSchema), description: p.description }])),
                  },
                },
              },
            },
          },
          responses: {
            '202': {
              description: 'Accepted; the letters are being checked.',
              headers: {
                Location: { description: 'Where to fetch the batch.', schema: { type: 'string' } },
                'Idempotent-Replayed': { description: '`true` when this is the batch an earlier request with the same Idempotency-Key created.', schema: { type: 'string', enum: ['true'] } },
              },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } },
            },
            ...problemResponses([
              'FILE_MISSING',
              'INVALID_REQUEST',
              'UNKNOWN_PROFILE',
              'UPLOAD_INCOMPLETE',
              'UNAUTHORIZED',
              'UPLOAD_TOO_SLOW',
              'FILE_TOO_LARGE',
              'RATE_LIMITED',
              'OVERLOADED',
            ]),
          },
          callbacks: {
            batchDone: {
              '{$request.body#/callback_url}': {
                post: {
                  summary: 'The finished batch',
                  description:
                    'Header `Offercheck-Signature: sha256=<hex HMAC of the body>` when a secret is set. Answer 2xx; any other answer, or none within 10 s, is retried ' +
                    'after CALLBACK_BACKOFF_MS, doubling each time (at most 5 minutes apart), CALLBACK_ATTEMPTS times in all; the batch\'s `callback` shows how delivery stands. ' +
                    'A delivery may, rarely, come twice (a worker stopped after the POST and before recording it): use the batch `id` to tell.',
                  requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } } },
                  responses: { '204': { description: 'Received.' }, '4XX': { description: 'Refused: the delivery is retried, then given up on (the batch stays fetchable).' } },
                },
              },
            },
          },
        },
      },
      '/v1/batches/{id}': {
        get: {
          operationId: 'getBatch',
          tags: ['letters'],
          summary: 'A batch and the reports checked so far',
          description:
            'Only for the API key that created the batch: any other key gets 404 `NOT_FOUND`, the same answer as for a batch that never existed or has expired. ' +
            'Finished batches are kept for BATCH_TTL_SECONDS within BATCH_MEMORY_MB, the oldest finished dropped first.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            '200': { description: 'The batch.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } } },
            ...problemResponses(['UNAUTHORIZED', 'NOT_FOUND', 'RATE_LIMITED']),
          },
        },
      },
      '/v1/profiles': {
        get: {
          operationId: 'listProfiles',
          tags: ['profiles'],
          summary: 'List the school profiles and what each requires',
          responses: {
            '200': { description: 'The profiles.', content: { 'application/json': { schema: { $ref: '#/components/schemas/ProfileList' } } } },
            ...problemResponses(['UNAUTHORIZED', 'RATE_LIMITED']),
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'getHealth',
          tags: ['health'],
          summary: 'Liveness: the process answers',
          security: [{}],
          responses: { '200': { description: 'Alive.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } },
        },
      },
      '/readyz': {
        get: {
          operationId: 'getReadiness',
          tags: ['health'],
          summary: 'Readiness: a letter could be checked now (OCR loaded, reader children able to start, memory under MAX_RSS_MB)',
          security: [{}],
          responses: {
            '200': { description: 'Ready.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } } },
            ...problemResponses(['NOT_READY']),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from the API_KEYS setting, sent as `Authorization: Bearer <key>`.' },
      },
      schemas: componentSchemas(),
    },
  };
}
