import { Report } from '../report/index.js';
import { LetterCheckError, type LetterChecker, type LetterFile } from './letterCheck.js';

// The first try and one more: a service that is still busy after its own Retry-After is reported
// as busy, rather than waited on for minutes.
const ATTEMPTS = 2;
const MAX_WAIT_MS = 30_000;
// No connection at all: nothing is listening there, or the name or network is wrong.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
// Above the service's own 60 s deadline, so its answer (a report or PROCESSING_TIMEOUT) arrives first.
const REQUEST_TIMEOUT_MS = 120_000;

/** The URL of POST /v1/validate on the service at `base` (a bare origin, or the endpoint itself). */
export function validateUrl(base: string): string {
  const url = new URL(base);
  if (!url.pathname.endsWith('/v1/validate')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/validate`;
  url.search = '';
  return url.href;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryDelay(response: Response, attempt: number): number {
  const header = Number(response.headers.get('retry-after'));
  const seconds = Number.isFinite(header) && header > 0 ? header : 2 ** attempt;
  return Math.min(seconds * 1000, MAX_WAIT_MS);
}

const busy = (detail: string) => new LetterCheckError({ code: 'SERVICE_BUSY', title: 'The service is busy', detail });

/**
 * Checks letters with a running service, the way the web form does: multipart with the file and
 * the options. A busy or rate-limiting service (429, 503) is waited for once, as its Retry-After
 * says (at most 30 s), and then reported as busy with what it said. A connection that was made but
 * cut before an answer (reset, closed) is the service shedding load, not a service that cannot be
 * reached: it is tried once more the same way, then reported as busy.
 */
export function createRemoteChecker(base: string, options: { apiKey?: string; fetch?: typeof fetch } = {}): LetterChecker {
  const endpoint = validateUrl(base);
  const fetchImpl = options.fetch ?? fetch;
  // A service with API keys (and its web form closed) wants one; the key comes from the environment, never the command line.
  const headers: Record<string, string> = { accept: 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) };
  /** One POST of one letter or one case: several files are parts named "file", the letter first. */
  async function send(files: LetterFile[], { studentName, profile }: { studentName?: string; profile?: string }): Promise<Report> {
    let waitedMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      const form = new FormData();
      if (studentName) form.append('student_name', studentName);
      if (profile) form.append('profile', profile);
      for (const { bytes, fileName, mediaType } of files) {
        form.append('file', new Blob([new Uint8Array(bytes)], { type: mediaType ?? 'application/octet-stream' }), fileName);
      }
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: 'POST',
          body: form,
          headers,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        if (UNREACHABLE.has(cause)) {
          throw new LetterCheckError({ code: 'SERVICE_UNREACHABLE', title: 'The service could not be reached', detail: `${endpoint}: ${cause}` });
        }
        if (attempt < ATTEMPTS) {
          waitedMs = Math.min(2 ** attempt * 1000, MAX_WAIT_MS);
          await sleep(waitedMs);
          continue;
        }
        throw busy(`${endpoint} took the letter but closed the connection without an answer (${cause}); try again in a minute.`);
      }
      if (response.status === 429 || response.status === 503) {
        if (attempt < ATTEMPTS) {
          await response.body?.cancel();
          waitedMs = retryDelay(response, attempt);
          await sleep(waitedMs);
          continue;
        }
      }
      const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
      if (response.status === 429 || response.status === 503) {
        const said = typeof payload?.detail === 'string' ? `${payload.detail} ` : '';
        throw new LetterCheckError({
          code: typeof payload?.code === 'string' ? payload.code : 'SERVICE_BUSY',
          title: 'The service is busy',
          detail: `${said}It was still busy after waiting ${Math.round(waitedMs / 1000)} s; try again later.`,
        });
      }
      if (!response.ok) {
        throw new LetterCheckError({
          code: typeof payload?.code === 'string' ? payload.code : `HTTP_${response.status}`,
          title: typeof payload?.title === 'string' ? payload.title : `The service answered ${response.status}`,
          detail: typeof payload?.detail === 'string' ? payload.detail : undefined,
        });
      }
      const report = Report.safeParse(payload);
      if (!report.success) {
        throw new LetterCheckError({ code: 'UNEXPECTED_ANSWER', title: 'The service answered with something that is not a report', detail: endpoint });
      }
      return report.data;
    }
  }
  return {
    check: (bytes, { fileName, mediaType, ...request }) => send([{ bytes, fileName, mediaType }], request),
    checkCase: (files, request) => send(files, request),
    // The record names the profile by its id: the names are the service's.
    profileName: () => null,
    close: async () => {},
  };
}
