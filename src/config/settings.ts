import os from 'node:os';
import { z } from 'zod';

const MiB = 1024 * 1024;

const intFrom = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const boolFrom = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting comes from the environment and is validated once, at start-up.
 * Defaults are the safe ones: a fresh checkout serves on loopback with conservative limits.
 */
export const SettingsSchema = z.object({
  PORT: intFrom(3000).pipe(z.number().max(65535)),
  // Loopback by default so a student's `npm start` does not expose the service; the image sets 0.0.0.0.
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // A real offer letter is well under 5 MiB; scans at 300 dpi of 3 pages stay under 15 MiB.
  MAX_UPLOAD_BYTES: intFrom(20 * MiB, 1024),
  // A case: the letter and the documents sent after it for the same student (follow-up emails, an
  // addendum, a page photographed apart), checked together by POST /v1/validate. Each document is
  // held to every limit above; these bound the case: how many documents (past it 400
  // TOO_MANY_DOCUMENTS) and their bytes together (past it 413 CASE_TOO_LARGE; by default twice
  // MAX_UPLOAD_BYTES: a letter and a few emails or photos, not a second full-size scan and more).
  MAX_CASE_DOCUMENTS: intFrom(5, 1),
  MAX_CASE_BYTES: z.coerce.number().int().min(1024).optional(),
  // Offer letters are 1-4 pages; 20 leaves room for attachments and terms, not for a book.
  MAX_PAGES: intFrom(20, 1),
  // A 300-dpi letter page is ~8.4 MP; 40 MP admits 600-dpi scans, far below sharp's ~268 MP default.
  MAX_IMAGE_PIXELS: intFrom(40_000_000, 1),
  // DOCX is a zip: the expanded size and entry count bound a zip bomb before anything inflates it.
  MAX_ZIP_ENTRIES: intFrom(2000, 1),
  MAX_ZIP_UNCOMPRESSED_BYTES: intFrom(100 * MiB, 1024),
  MAX_ZIP_RATIO: intFrom(200, 1),
  // A PDF's compressed streams, decoded, all together; one stream may hold at most an RGBA image of
  // MAX_IMAGE_PIXELS. A letter's streams are a few MB; 20 pages of lossless 300-dpi colour scans ~500.
  MAX_PDF_DECODED_BYTES: intFrom(512 * MiB, MiB),
  // Letters are 2,000-10,000 characters; 60k is 15 dense pages. The field detectors take time that
  // grows with the square of repetitive text (20k characters: ~1.5 s; 100k: over 30 s), so this
  // bounds the work a single upload can ask for, besides the deadline.
  MAX_TEXT_CHARS: intFrom(60_000, 1000),
  // Covers reading, parsing and OCR of one request.
  REQUEST_TIMEOUT_MS: intFrom(60_000, 1000),

  // Document parsers and image decoders (pdf.js, mammoth, mailparser, msgreader, sharp) run in child
  // processes, started ahead of the first letter; a runaway file costs one child, which is replaced,
  // and whatever it allocated goes back to the system. 0 reads in the request's thread (CLI only).
  READER_WORKERS: intFrom(Math.max(1, Math.min(2, os.availableParallelism())), 0),
  // Each reader child's V8 heap cap. A letter needs ~30-80 MB of parser heap; 256 leaves room for a
  // 20-page scan and stops a bomb.
  READER_MEMORY_MB: intFrom(256, 96),
  // Each reader child's resident size, read by the service while the child works: the heap cap does
  // not see native memory (pdf.js's decoded images and rendered pages, libvips' pixels). Past it the
  // child is killed and the letter answered DOCUMENT_TOO_COMPLEX. A child idles at ~150 MB and peaked
  // at ~300 on a 40 MP photo. A child still above 60% of this after a letter is replaced.
  READER_RSS_MB: intFrom(768, 192),
  // A reader child is replaced after this many documents, so nothing a parser keeps accumulates. A
  // child's start costs ~0.85 s of CPU (loading pdf.js, sharp and the rest): spread over 1000 letters,
  // under a millisecond each. Memory it keeps is handled sooner, by the size check after each letter.
  READER_MAX_TASKS: intFrom(1000, 1),
  // This process's own resident size (uploads held, OCR workers) past which /readyz says not ready:
  // the service cannot take a letter safely, and an orchestrator should replace it. Keep it under
  // the container's memory limit less READER_WORKERS x READER_RSS_MB.
  MAX_RSS_MB: intFrom(1536, 256),

  OCR_WORKERS: intFrom(Math.max(1, Math.min(4, os.availableParallelism())), 0),
  OCR_PAGE_TIMEOUT_MS: intFrom(30_000, 1000),
  // auto: Debian's native tesseract (5.x) when this machine has a working one, about 1.45x faster
  // than tesseract.js on the same model and settings; else tesseract.js, which needs only npm.
  // native: refuse to start without it. wasm: always tesseract.js.
  OCR_ENGINE: z.enum(['auto', 'native', 'wasm']).default('auto'),
  // Native engine: a page's tesseract process is killed past this resident size. The largest page
  // the engine is given (16 MP) needs about 220 MB; a letter page at 300 dpi about 75.
  OCR_MEMORY_MB: intFrom(512, 64),

  PROFILES_DIR: z.string().optional(),
  MINIMUM_WAGE_HOURLY: z.coerce.number().positive().default(7.25),
  MICRO_INTERNSHIP_WINDOW_START: z.string().regex(/^\d{2}-\d{2}$/, 'MM-DD').default('01-06'),
  MICRO_INTERNSHIP_WINDOW_END: z.string().regex(/^\d{2}-\d{2}$/, 'MM-DD').default('01-31'),

  API_KEYS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean)),
  // With API keys set, whether students may still use the web form and API without a key.
  OPEN_WEB_FORM: boolFrom(true),
  // Per client address, for requests without an API key (students and the web form).
  RATE_LIMIT_PER_MINUTE: intFrom(30, 1),
  // Per API key: the intake pipeline sends bursts at the start of term from one address.
  RATE_LIMIT_KEYED_PER_MINUTE: intFrom(600, 1),
  TRUST_PROXY: z.string().default('false'),
  // Checks admitted at once (uploading, waiting for a reader or OCR worker, or being read); the next
  // gets 503 OVERLOADED with Retry-After. Bounds memory: at most MAX_QUEUE uploads are held.
  MAX_QUEUE: intFrom(50, 1),
  // Uploads are received before their check is admitted, so a slow body never holds a check slot;
  // these bound what slow or stalled bodies can hold instead. A body must arrive within
  // UPLOAD_TIMEOUT_MS (60 s: a 20 MiB scan at 2.8 Mbit/s, a 5 MB phone photo at 0.7 Mbit/s) and,
  // over any 10 s, at MIN_UPLOAD_BYTES_PER_SECOND at least (10 kB/s is slower than any working
  // mobile uplink; a client trickling a byte a second is cut after 10 s; 0 turns the rate check
  // off); otherwise 408 UPLOAD_TOO_SLOW.
  UPLOAD_TIMEOUT_MS: intFrom(60_000, 1000),
  MIN_UPLOAD_BYTES_PER_SECOND: intFrom(10_000, 0),
  // Bodies being received at once from one client (an API key, or an address without one): one
  // address cannot hold every upload. Past it: 503 OVERLOADED before the body is read.
  MAX_UPLOADS_PER_CLIENT: intFrom(10, 1),
  // Bytes that bodies being received may claim at once (their Content-Length, or the route's limit
  // when they announce none): bounds the memory of uploads still arriving. The default holds one
  // full batch (25 x 20 MiB); a body larger than the whole budget is still taken when nothing else is arriving.
  MAX_UPLOAD_BYTES_IN_FLIGHT: intFrom(512 * MiB, MiB),
  // On SIGTERM: in-flight checks and admitted batches (their callbacks included) get this long to
  // finish before the process exits anyway.
  SHUTDOWN_TIMEOUT_MS: intFrom(75_000, 1000),

  // Batches (integrations beside Handshake): held in memory only, and only for as long as a caller needs to fetch them.
  // A batch's letters count against MAX_QUEUE like single letters, each until it is checked.
  MAX_BATCH_FILES: intFrom(25, 1),
  // Unfinished batches at once, all clients together, and per API key (per address without keys):
  // one integration cannot take every batch slot. Finished batches do not count.
  MAX_BATCHES: intFrom(20, 1),
  MAX_BATCHES_PER_KEY: intFrom(5, 1),
  // Finished batches (their reports) are kept for BATCH_TTL_SECONDS, within BATCH_MEMORY_MB all
  // together (a 25-letter batch is about 0.3 MB); past it the oldest finished ones are dropped first.
  BATCH_TTL_SECONDS: intFrom(3600, 10),
  BATCH_MEMORY_MB: z.coerce.number().positive().default(64),
  // Callbacks go only to these hosts (host or host:port): a batch must not make the service call arbitrary addresses.
  CALLBACK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)),
  // Signs callback bodies (HMAC-SHA256) so the receiver can tell they came from this service.
  CALLBACK_SECRET: z.string().default(''),
  // A callback the receiver does not answer with a 2xx is tried again after CALLBACK_BACKOFF_MS, then
  // twice as long each time (never more than 5 minutes apart), CALLBACK_ATTEMPTS times in all: the
  // defaults keep trying for about 4 minutes, long enough for a receiver's restart.
  CALLBACK_ATTEMPTS: intFrom(8, 1),
  CALLBACK_BACKOFF_MS: intFrom(2000, 10),

  // The fleet (README, operations): with REDIS_URL, batches live in Redis and letters are checked by
  // worker processes (`npm run worker`, on any number of machines) through BullMQ queues; without
  // it, everything runs in this one process, as `npm start` on a laptop needs. rediss:// for TLS;
  // an ACL user and its password go in the URL (redis://user:password@host:6379/0).
  REDIS_URL: z
    .string()
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined))
    .refine((s) => s === undefined || /^rediss?:\/\/./.test(s), 'a redis:// or rediss:// URL'),
  // AES-256-GCM key for everything of a letter that goes into Redis (its bytes, its options, its
  // report): 32 random bytes in base64 (`openssl rand -base64 32`), the same for the service and
  // every worker. Required with REDIS_URL.
  JOB_ENCRYPTION_KEY: z
    .string()
    .optional()
    .refine((s) => s === undefined || s === '' || isBase64Key(s), 'base64 of exactly 32 bytes (openssl rand -base64 32)'),
  // A worker renews its hold on a letter every half of this; a worker that dies holding one (killed,
  // out of memory, its machine gone) loses it after this long, and another worker takes the letter up.
  JOB_LOCK_MS: intFrom(30_000, 1000),
  // How many times a letter is taken up again after the worker checking it died; one more death and
  // the letter is recorded as a problem (INTERNAL_ERROR): a letter that kills every worker it meets
  // must not go round the fleet for ever.
  JOB_STALL_RETRIES: intFrom(1, 0),
}).superRefine((settings, context) => {
  if (settings.REDIS_URL && !settings.JOB_ENCRYPTION_KEY) {
    context.addIssue({ code: 'custom', path: ['JOB_ENCRYPTION_KEY'], message: 'required with REDIS_URL: base64 of 32 random bytes (openssl rand -base64 32)' });
  }
}).transform((s) => ({ ...s, MAX_CASE_BYTES: s.MAX_CASE_BYTES ?? 2 * s.MAX_UPLOAD_BYTES }));

function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value.trim()) && Buffer.from(value.trim(), 'base64').length === 32;
}

/** Settings whose values never appear in a message, not even a bad one's. */
const SECRET_SETTINGS = new Set(['API_KEYS', 'CALLBACK_SECRET', 'JOB_ENCRYPTION_KEY', 'REDIS_URL']);

export type Settings = z.infer<typeof SettingsSchema>;

/** Settings that only make sense together; checked after each one alone. */
function checkTogether(settings: Settings): string[] {
  const issues: string[] = [];
  if (settings.READER_RSS_MB <= settings.READER_MEMORY_MB) {
    issues.push(`READER_RSS_MB: must be larger than READER_MEMORY_MB (${settings.READER_MEMORY_MB}): a child's resident size includes its heap (got ${settings.READER_RSS_MB})`);
  }
  return issues;
}

/** Thrown with every bad variable named, so an operator fixes them all in one go. */
export class SettingsError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid settings:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const result = SettingsSchema.safeParse(env);
  if (!result.success) {
    throw new SettingsError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const value = env[name];
        const got = SECRET_SETTINGS.has(name) ? (value ? `a value of ${value.length} characters` : 'nothing') : JSON.stringify(value);
        return `${issue.path.join('.')}: ${issue.message} (got ${got})`;
      }),
    );
  }
  const issues = checkTogether(result.data);
  if (issues.length > 0) throw new SettingsError(issues);
  return result.data;
}
