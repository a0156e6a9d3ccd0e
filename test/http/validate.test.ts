import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, multipartBody } from '../helper.js';

const LETTER = `Brightwave Media LLC
200 Congress Avenue, Austin, TX 78701

Dear Sofía Herrera-López,

We are pleased to offer you an internship as a Marketing Intern.
Your duties will include drafting social media campaigns and analyzing engagement.
You will work 20 hours per week from January 11, 2027 to May 7, 2027
at 200 Congress Avenue, Suite 400, Austin, TX 78701 and be paid $22 per hour.

Sincerely,
Marcus Bell
Director of Marketing`;

describe('POST /v1/validate', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ MAX_UPLOAD_BYTES: '65536' });
  });
  afterAll(() => app.close());

  it('takes the letter as a multipart file with options before or after it', async () => {
    for (const order of ['before', 'after'] as const) {
      const name = { name: 'student_name', value: 'Sofia Herrera Lopez' };
      const file = { name: 'file', value: LETTER, filename: 'offer.txt', contentType: 'text/plain' };
      const body = multipartBody(order === 'before' ? [name, { name: 'profile', value: 'cpt' }, file] : [file, name]);
      const response = await app.inject({ method: 'POST', url: '/v1/validate', ...body });
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json();
      expect(report.profile).toBe('cpt');
      expect(report.document).toMatchObject({ mediaType: 'text/plain', pages: 1, textSource: 'text', ocrConfidence: null });
      expect(Object.keys(report.elements)).toContain('hours_per_week');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('takes the raw document as the body with options in the query string', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/validate?student_name=Sof%C3%ADa%20Herrera-L%C3%B3pez&profile=cpt',
      headers: { 'content-type': 'text/plain' },
      payload: LETTER,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().elements.hours_per_week).toMatchObject({ status: 'present', value: { min: 20, max: 20 }, required: true });
  });

  it('answers problem+json with a stable code for every kind of bad request', async () => {
    const cases = [
      { body: multipartBody([{ name: 'student_name', value: 'Ana' }]), status: 400, code: 'FILE_MISSING' },
      { body: { payload: '', headers: { 'content-type': 'application/pdf' } }, status: 400, code: 'FILE_MISSING' },
      { body: { payload: Buffer.alloc(70_000, 0x41), headers: { 'content-type': 'application/pdf' } }, status: 413, code: 'FILE_TOO_LARGE' },
      {
        body: multipartBody([{ name: 'file', value: Buffer.alloc(70_000, 0x41), filename: 'big.pdf', contentType: 'application/pdf' }]),
        status: 413,
        code: 'FILE_TOO_LARGE',
      },
      { body: { payload: Buffer.from([0, 1, 2, 3, 4]), headers: { 'content-type': 'application/pdf' } }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { body: { payload: '%PDF-1.7\nbroken', headers: { 'content-type': 'application/pdf' } }, status: 422, code: 'DOCUMENT_UNREADABLE' },
      // Several files are one student's case; one more than MAX_CASE_DOCUMENTS (5) is refused by its own code.
      {
        body: multipartBody(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => ({ name: 'file', value: LETTER, filename: `${n}.txt`, contentType: 'text/plain' }))),
        status: 400,
        code: 'TOO_MANY_DOCUMENTS',
      },
      { body: multipartBody([{ name: 'letter', value: LETTER, filename: 'a.txt' }]), status: 400, code: 'INVALID_REQUEST' },
      {
        body: multipartBody([{ name: 'file', value: LETTER, filename: 'a.txt' }, { name: 'start_date', value: 'next June' }]),
        status: 400,
        code: 'INVALID_REQUEST',
      },
      { body: multipartBody([{ name: 'file', value: LETTER, filename: 'a.txt' }, { name: 'profile', value: 'nope' }]), status: 400, code: 'UNKNOWN_PROFILE' },
    ];
    for (const c of cases) {
      const response = await app.inject({ method: 'POST', url: '/v1/validate', ...c.body });
      expect({ status: response.statusCode, code: response.json().code }, response.body).toEqual({ status: c.status, code: c.code });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: c.status, type: expect.stringMatching(/^urn:offercheck:problem:/), title: expect.any(String) });
    }
  });

  it('keeps a well-formed client request id and replaces anything else', async () => {
    const kept = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'intake-42' } });
    expect(kept.json().requestId).toBe('intake-42');
    const replaced = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'bad id\n{"forged":1}' } });
    expect(replaced.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    const app = await buildTestApp();
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    // Ready only once the checker's workers are up: 503 NOT_READY until then, 200 after.
    const early = await app.inject({ method: 'GET', url: '/readyz' });
    expect([200, 503]).toContain(early.statusCode);
    if (early.statusCode === 503) expect(early.json().code).toBe('NOT_READY');
    await app.checker.ready();
    await new Promise((r) => setImmediate(r));
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await app.close();
  });
});
