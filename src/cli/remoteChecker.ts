import { Report } from '../report/index.js';
import { LetterCheckError, type LetterChecker } from './letterCheck.js';

const ATTEMPTS = 4;
const MAX_WAIT_MS = 30_000;
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

/**
 * Checks letters with a running service, the way the web form does: multipart with the file and
 * the options. A busy or rate-limiting service (429, 503) is waited for, as its Retry-After says.
 */
export function createRemoteChecker(base: string, options: { apiKey?: string; fetch?: typeof fetch } = {}): LetterChecker {
  const endpoint = validateUrl(base);
  const fetchImpl = options.fetch ?? fetch;
  // A service with API keys (and its web form closed) wants one; the key comes from the environment, never the command line.
  const headers: Record<string, string> = { accept: 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) };
  return {
    async check(bytes, { fileName, mediaType, studentName, profile }) {
      for (let attempt = 1; ; attempt += 1) {
        const form = new FormData();
        if (studentName) form.append('student_name', studentName);
        if (profile) form.append('profile', profile);
        form.append('file', new Blob([new Uint8Array(bytes)], { type: mediaType ?? 'application/octet-stream' }), fileName);
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
          throw new LetterCheckError({ code: 'SERVICE_UNREACHABLE', title: 'The service could not be reached', detail: `${endpoint}: ${cause}` });
        }
        if ((response.status === 429 || response.status === 503) && attempt < ATTEMPTS) {
          await response.body?.cancel();
          await sleep(retryDelay(response, attempt));
          continue;
        }
        const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
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
    },
    close: async () => {},
  };
}
