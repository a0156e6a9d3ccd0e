import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, multipartBody } from '../helper.js';
import { LETTER, pdfOf, pngDeclaring, slowPdf } from '../ingest/samples.js';
import { buildDocx } from '../ingest/zipBuilder.js';

const MAX_UPLOAD = 300_000;

/** Sends raw bytes on a socket and returns everything the server answers before it closes. */
function rawExchange(port: number, chunks: (string | Buffer)[], { halfClose }: { halfClose: boolean }): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => undefined);
    for (const chunk of chunks) socket.write(chunk);
    if (halfClose) socket.end();
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

describe('each limit answers with its own problem code', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({
      READER_WORKERS: '1',
      RATE_LIMIT_PER_MINUTE: '10000',
      MAX_UPLOAD_BYTES: String(MAX_UPLOAD),
      MAX_PAGES: '3',
      MAX_TEXT_CHARS: '5000',
      MAX_IMAGE_PIXELS: '20000000',
    });
    await Promise.all([app.checker.ready(), app.checker.warm()]);
  });
  afterAll(() => app.close());

  const post = (payload: Buffer, contentType = 'application/octet-stream') =>
    app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': contentType }, payload });
  function expectProblem(response: Awaited<ReturnType<typeof post>>, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ status, code, type: expect.stringMatching(/^urn:offercheck:problem:/) });
  }

  it('upload size: a raw body and a multipart file over the limit are 413 FILE_TOO_LARGE', async () => {
    expectProblem(await post(Buffer.alloc(MAX_UPLOAD + 1, 0x41), 'text/plain'), 413, 'FILE_TOO_LARGE');
    const form = multipartBody([{ name: 'file', value: Buffer.alloc(MAX_UPLOAD + 1, 0x41), filename: 'letter.txt', contentType: 'text/plain' }]);
    expectProblem(await app.inject({ method: 'POST', url: '/v1/validate', ...form }), 413, 'FILE_TOO_LARGE');
  });

  it('upload size: an announced length over the limit is refused before the body is sent', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as net.AddressInfo).port;
    const head = `POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${50 * MAX_UPLOAD}\r\n\r\n`;
    const answer = await rawExchange(port, [head], { halfClose: false });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toMatch(/"code":"FILE_TOO_LARGE"/);

    // A body that stops short of its Content-Length is an incomplete upload, never a shorter letter.
    const cut = await rawExchange(port, [`POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n`, LETTER.slice(0, 200)], { halfClose: true });
    expect(cut).toMatch(/^HTTP\/1\.1 400/);
    expect(cut).toMatch(/application\/problem\+json/);
    expect(cut).toMatch(/"code":"UPLOAD_INCOMPLETE"/);
  });

  it('upload: a multipart body cut anywhere is 400 UPLOAD_INCOMPLETE, never a silently shortened file', async () => {
    const form = multipartBody([
      { name: 'student_name', value: 'Priya Raman' },
      { name: 'file', value: Buffer.from(LETTER), filename: 'letter.txt', contentType: 'text/plain' },
    ]);
    for (const keep of [form.payload.length - 8, form.payload.length - 60, Math.floor(form.payload.length / 2), 150]) {
      const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: form.headers, payload: form.payload.subarray(0, keep) });
      expectProblem(response, 400, 'UPLOAD_INCOMPLETE');
    }
    // The whole body, for contrast, is read and checked.
    expect((await app.inject({ method: 'POST', url: '/v1/validate', ...form })).statusCode).toBe(200);
  });

  it('pages: a PDF over MAX_PAGES is 422 TOO_MANY_PAGES', async () => {
    expectProblem(await post(await pdfOf(['one', 'two', 'three', 'four'])), 422, 'TOO_MANY_PAGES');
  });

  it('image pixels: a PNG declaring 100000 x 100000 is 422 IMAGE_TOO_LARGE, before any decoder', async () => {
    const response = await post(pngDeclaring(100_000, 100_000), 'image/png');
    expectProblem(response, 422, 'IMAGE_TOO_LARGE');
    expect(response.json().detail).toMatch(/100000 x 100000/);
  });

  it('zip: a Word document whose part inflates past its declared size is 422 ARCHIVE_LIMIT_EXCEEDED', async () => {
    const bomb = buildDocx(LETTER.split('\n'), [{ name: 'word/media/image1.png', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 2048 }]);
    expect(bomb.length).toBeLessThan(MAX_UPLOAD);
    const response = await post(bomb);
    expectProblem(response, 422, 'ARCHIVE_LIMIT_EXCEEDED');
    expect(response.json().detail).toMatch(/beyond the size it declares/);
  });

  it('text: more extracted text than MAX_TEXT_CHARS is 422 TEXT_TOO_LONG', async () => {
    expectProblem(await post(Buffer.from(`${LETTER}\n`.repeat(20)), 'text/plain'), 422, 'TEXT_TOO_LONG');
    expectProblem(await post(buildDocx(`${LETTER}\n`.repeat(20).split('\n'))), 422, 'TEXT_TOO_LONG');
  });

  it('every answer, report or problem, carries Cache-Control: no-store', async () => {
    const ok = await post(Buffer.from(LETTER), 'text/plain');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    const missing = await app.inject({ method: 'GET', url: '/v1/nowhere' });
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});

describe('the deadline stops the work, not just the wait', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ READER_WORKERS: '1', RATE_LIMIT_PER_MINUTE: '10000', REQUEST_TIMEOUT_MS: '2000' });
    await Promise.all([app.checker.ready(), app.checker.warm()]);
  });
  afterAll(() => app.close());

  it('answers 422 PROCESSING_TIMEOUT at the deadline, ends the busy reader, and serves the next letter', async () => {
    const started = Date.now();
    const slow = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/pdf' }, payload: slowPdf() });
    const elapsed = Date.now() - started;
    expect(slow.statusCode).toBe(422);
    expect(slow.json().code).toBe('PROCESSING_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    expect(elapsed).toBeLessThan(2000 + 3000);
    // The only reader worker was ended, not left parsing, and a fresh one started in its place:
    // a Word letter right after is read at once instead of queueing behind the PDF.
    await Promise.all([app.checker.ready(), app.checker.warm()]);
    const next = await app.inject({ method: 'POST', url: '/v1/validate', payload: buildDocx(LETTER.split('\n')), headers: { 'content-type': 'application/octet-stream' } });
    expect(next.statusCode, next.body).toBe(200);
  });
});
