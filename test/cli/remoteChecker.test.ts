import { describe, expect, it, vi } from 'vitest';
import { LetterCheckError } from '../../src/cli/letterCheck.js';
import { createRemoteChecker, validateUrl } from '../../src/cli/remoteChecker.js';

const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: `urn:offercheck:problem:${code}`, title: `title of ${code}`, status, code, detail: `detail of ${code}` }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

describe('validateUrl', () => {
  it('accepts the service origin, a path prefix, or the endpoint itself', () => {
    expect(validateUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/v1/validate');
    expect(validateUrl('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000/v1/validate');
    expect(validateUrl('https://office.example/offercheck/')).toBe('https://office.example/offercheck/v1/validate');
    expect(validateUrl('https://office.example/v1/validate?x=1')).toBe('https://office.example/v1/validate');
  });
});

describe('createRemoteChecker', () => {
  it('sends the letter as the multipart field "file" with the options as fields', async () => {
    let sent: FormData | null = null;
    const checker = createRemoteChecker('http://svc.example', { fetch: async (_url, init) => {
      sent = init?.body as FormData;
      return problem(422, 'DOCUMENT_UNREADABLE');
    } });
    await expect(checker.check(new Uint8Array([1, 2, 3]), { fileName: 'offer.pdf', mediaType: 'application/pdf', studentName: 'Priya Raman', profile: 'coop' })).rejects.toThrow(LetterCheckError);
    const form = sent as unknown as FormData;
    expect(form.get('student_name')).toBe('Priya Raman');
    expect(form.get('profile')).toBe('coop');
    const file = form.get('file') as File;
    expect(file.name).toBe('offer.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("turns a problem answer into the letter's error, code, title and detail kept", async () => {
    const checker = createRemoteChecker('http://svc.example', { fetch: async () => problem(415, 'UNSUPPORTED_MEDIA_TYPE') });
    const error = await checker.check(new Uint8Array([0]), { fileName: 'x.bin', mediaType: null }).catch((e: LetterCheckError) => e);
    expect(error).toBeInstanceOf(LetterCheckError);
    expect((error as LetterCheckError).problem).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', title: 'title of UNSUPPORTED_MEDIA_TYPE', detail: 'detail of UNSUPPORTED_MEDIA_TYPE' });
  });

  it('waits as Retry-After says when the service is busy, then tries again', async () => {
    const calls: number[] = [];
    const checker = createRemoteChecker('http://svc.example', { fetch: async () => {
      calls.push(Date.now());
      return calls.length === 1 ? problem(429, 'RATE_LIMITED', { 'retry-after': '1' }) : problem(422, 'DOCUMENT_EMPTY');
    } });
    const error = (await checker.check(new Uint8Array([0]), { fileName: 'x.txt', mediaType: 'text/plain' }).catch((e) => e)) as LetterCheckError;
    expect(calls).toHaveLength(2);
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(950);
    expect(error.problem.code).toBe('DOCUMENT_EMPTY');
  });

  it('waits once as Retry-After says, then reports the service as busy in its own words', async () => {
    const calls: number[] = [];
    const checker = createRemoteChecker('http://svc.example', { fetch: async () => {
      calls.push(Date.now());
      return problem(503, 'OVERLOADED', { 'retry-after': '1' });
    } });
    const error = (await checker.check(new Uint8Array([0]), { fileName: 'x.txt', mediaType: 'text/plain' }).catch((e) => e)) as LetterCheckError;
    expect(calls).toHaveLength(2);
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(950);
    expect(error.problem).toMatchObject({ code: 'OVERLOADED', title: 'The service is busy' });
    expect(error.problem.detail).toMatch(/^detail of OVERLOADED It was still busy after waiting 1 s/);
  });

  it('never waits longer than 30 s, whatever Retry-After says', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const checker = createRemoteChecker('http://svc.example', { fetch: async () => (calls++ === 0 ? problem(429, 'RATE_LIMITED', { 'retry-after': '3600' }) : problem(422, 'DOCUMENT_EMPTY')) });
      const checked = checker.check(new Uint8Array([0]), { fileName: 'x.txt', mediaType: 'text/plain' }).catch((e: LetterCheckError) => e);
      await vi.advanceTimersByTimeAsync(29_999);
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(((await checked) as LetterCheckError).problem.code).toBe('DOCUMENT_EMPTY');
      expect(calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a connection cut before the answer is the service shedding load: tried once more, then "busy", not "unreachable"', async () => {
    let calls = 0;
    const cut = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) });
    const checker = createRemoteChecker('http://svc.example', { fetch: async () => {
      calls += 1;
      throw cut;
    } });
    const error = (await checker.check(new Uint8Array([0]), { fileName: 'x.txt', mediaType: 'text/plain' }).catch((e) => e)) as LetterCheckError;
    expect(calls).toBe(2);
    expect(error.problem).toMatchObject({ code: 'SERVICE_BUSY', title: 'The service is busy' });
    expect(error.problem.detail).toMatch(/closed the connection without an answer \(EPIPE\)/);
  });

  it('nothing listening is "unreachable" at once, without a retry', async () => {
    let calls = 0;
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const checker = createRemoteChecker('http://svc.example', { fetch: async () => {
      calls += 1;
      throw refused;
    } });
    const error = (await checker.check(new Uint8Array([0]), { fileName: 'x.txt', mediaType: 'text/plain' }).catch((e) => e)) as LetterCheckError;
    expect(calls).toBe(1);
    expect(error.problem.code).toBe('SERVICE_UNREACHABLE');
  });

  it('refuses an answer that is not a report', async () => {
    const checker = createRemoteChecker('http://svc.example', { fetch: async () => new Response('{"hello":"world"}', { status: 200 }) });
    const error = (await checker.check(new Uint8Array([0]), { fileName: 'x.txt', mediaType: 'text/plain' }).catch((e) => e)) as LetterCheckError;
    expect(error.problem.code).toBe('UNEXPECTED_ANSWER');
  });
});
