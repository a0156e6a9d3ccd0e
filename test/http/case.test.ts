import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem, Report } from '../../src/report/index.js';
import { followUpEmail, offerPdf, offerText } from '../case/caseLetters.js';
import { buildTestApp, multipartBody } from '../helper.js';
import { havePoppler, readPdf } from '../record/pdfText.js';

const TODAY = new Date().toISOString().slice(0, 10);

describe('POST /v1/validate with a case of several documents, and the record for the file', () => {
  let app: FastifyInstance;
  let letter: Buffer;
  beforeAll(async () => {
    app = await buildTestApp({ MAX_UPLOAD_BYTES: '100000', MAX_CASE_BYTES: '150000', MAX_CASE_DOCUMENTS: '3', RATE_LIMIT_PER_MINUTE: '10000' });
    // Dates a year ahead, so the letter is not judged as starting in the past whatever day the test runs.
    letter = await offerPdf({ hours: null, start: 'June 7, 2099', end: 'August 27, 2099' });
  });
  afterAll(() => app.close());

  const caseBody = (extra: { name: string; value: string }[] = []) =>
    multipartBody([
      { name: 'file', value: letter, filename: 'offer.pdf', contentType: 'application/pdf' },
      { name: 'file', value: followUpEmail(['To confirm, the position is 20 hours per week.']), filename: 'hours.eml', contentType: 'message/rfc822' },
      ...extra,
    ]);

  it('takes several file parts as one case: one report, each quote naming its document', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', ...caseBody([{ name: 'student_name', value: 'Priya Raman' }]) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers.vary).toMatch(/Accept/i);
    const report = Report.parse(response.json());
    expect(report.checkedOn).toBe(TODAY);
    expect(report.verdict).toBe('complete');
    expect(report.documents.map((d) => d.fileName)).toEqual(['offer.pdf', 'hours.eml']);
    expect(report.elements.hours_per_week.evidence[0].document).toEqual({ index: 1, fileName: 'hours.eml' });
    expect(report.elements.student_name.evidence[0].document).toEqual({ index: 0, fileName: 'offer.pdf' });
  });

  it('answers the record as a PDF download for Accept: application/pdf, and JSON otherwise', async () => {
    const form = caseBody();
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { ...form.headers, accept: 'application/pdf' }, payload: form.payload });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="offercheck-record-${TODAY}.pdf"`);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (havePoppler) {
      const { text, pages } = await readPdf(response.rawPayload);
      expect(pages).toBeLessThanOrEqual(2);
      expect(text).toContain('Verdict: COMPLETE');
      expect(text).toContain('hours.eml');
    }
    for (const accept of ['application/json', '*/*', 'application/json, application/pdf;q=0.5']) {
      const again = caseBody();
      const json = await app.inject({ method: 'POST', url: '/v1/validate', headers: { ...again.headers, accept }, payload: again.payload });
      expect(json.headers['content-type'], accept).toMatch(/^application\/json/);
    }
  });

  it('gives the record for a raw body too', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain', accept: 'application/pdf' }, payload: offerText() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
  });

  it('answers a problem as problem+json whatever the Accept header asks for', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/pdf', accept: 'application/pdf' }, payload: '%PDF-1.7\nbroken' });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Problem.parse(response.json()).code).toBe('DOCUMENT_UNREADABLE');
  });

  it('refuses more documents than MAX_CASE_DOCUMENTS and more bytes together than MAX_CASE_BYTES, each by its code', async () => {
    const four = multipartBody(['a', 'b', 'c', 'd'].map((n) => ({ name: 'file', value: offerText(), filename: `${n}.txt`, contentType: 'text/plain' })));
    const tooMany = await app.inject({ method: 'POST', url: '/v1/validate', ...four });
    expect(tooMany.statusCode).toBe(400);
    expect(Problem.parse(tooMany.json())).toMatchObject({ code: 'TOO_MANY_DOCUMENTS', type: 'urn:offercheck:problem:too-many-documents' });

    const big = Buffer.concat([offerText(), Buffer.from(`\n${'x'.repeat(90_000)}`)]);
    const twoBig = multipartBody([
      { name: 'file', value: big, filename: 'a.txt', contentType: 'text/plain' },
      { name: 'file', value: big, filename: 'b.txt', contentType: 'text/plain' },
    ]);
    const tooLarge = await app.inject({ method: 'POST', url: '/v1/validate', ...twoBig });
    expect(tooLarge.statusCode).toBe(413);
    expect(Problem.parse(tooLarge.json()).code).toBe('CASE_TOO_LARGE');
  });

  it('names the document of the case that cannot be read', async () => {
    const body = multipartBody([
      { name: 'file', value: offerText(), filename: 'offer.txt', contentType: 'text/plain' },
      { name: 'file', value: Buffer.from([0, 1, 2, 3, 4]), filename: 'scan.bin' },
    ]);
    const response = await app.inject({ method: 'POST', url: '/v1/validate', ...body });
    expect(response.statusCode).toBe(415);
    expect(Problem.parse(response.json()).detail).toMatch(/^Document 2 \(scan\.bin\): /);
  });
});

describe('a case holds a place in the check queue for each of its documents', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ MAX_QUEUE: '2', RATE_LIMIT_PER_MINUTE: '10000' });
  });
  afterAll(() => app.close());

  it('a case of three documents does not fit a queue of two', async () => {
    const three = multipartBody(['a', 'b', 'c'].map((n) => ({ name: 'file', value: offerText(), filename: `${n}.txt`, contentType: 'text/plain' })));
    const response = await app.inject({ method: 'POST', url: '/v1/validate', ...three });
    expect(response.statusCode).toBe(503);
    expect(Problem.parse(response.json()).code).toBe('OVERLOADED');
    const two = multipartBody(['a', 'b'].map((n) => ({ name: 'file', value: offerText(), filename: `${n}.txt`, contentType: 'text/plain' })));
    expect((await app.inject({ method: 'POST', url: '/v1/validate', ...two })).statusCode).toBe(200);
  });
});
