import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { capturedLogger, multipartBody, testSettings } from '../helper.js';
import { LETTER, LETTER_PEOPLE } from '../ingest/samples.js';
import { listen } from './realHttp.js';

/** Sends the bytes, then ends the connection from the client's side, and returns whatever was answered. */
function sendAndEnd(port: number, head: string, body: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    socket.write(head);
    socket.end(body);
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

/**
 * A multipart upload cut off anywhere is 400 UPLOAD_INCOMPLETE, never a shorter letter and never a
 * 500: before its closing delimiter, inside a part, inside a part's headers, with a Content-Length
 * that matches what was sent or one larger than what was sent before the client ended. No log line
 * carries the bytes that did arrive, at any level, and none is above info.
 */
describe('truncated multipart uploads', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    const settings = testSettings({ LOG_LEVEL: 'trace', RATE_LIMIT_PER_MINUTE: '10000' });
    const loggerInstance = capturedLogger(settings, lines, 'trace');
    app = await buildApp({ settings, fastify: { logger: undefined, loggerInstance } });
    port = await listen(app);
  });
  afterAll(() => app.close());

  const form = multipartBody([
    { name: 'student_name', value: LETTER_PEOPLE.student },
    { name: 'file', value: Buffer.from(LETTER), filename: 'letter.txt', contentType: 'text/plain' },
  ]);
  const whole = form.payload;
  const boundary = form.headers['content-type'].split('boundary=')[1];
  const lastDelimiter = whole.lastIndexOf(`\r\n--${boundary}--`);
  const cuts: Record<string, Buffer> = {
    'the closing delimiter missing': whole.subarray(0, lastDelimiter),
    'the closing delimiter missing, its line break sent': whole.subarray(0, lastDelimiter + 2),
    'the closing delimiter without its final "--"': Buffer.concat([whole.subarray(0, lastDelimiter), Buffer.from(`\r\n--${boundary}\r\n`)]),
    'cut inside the letter': whole.subarray(0, whole.indexOf('per week')),
    "cut inside the letter's part headers": whole.subarray(0, whole.indexOf('Content-Type: text/plain') + 10),
    'cut inside the first part headers': whole.subarray(0, 20),
  };

  for (const [what, body] of Object.entries(cuts)) {
    for (const announced of ['what was sent', 'more than was sent'] as const) {
      it(`${what}, Content-Length ${announced}: 400 UPLOAD_INCOMPLETE`, async () => {
        const length = announced === 'what was sent' ? body.length : body.length + 1000;
        const head = `POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${form.headers['content-type']}\r\nContent-Length: ${length}\r\n\r\n`;
        const answer = await sendAndEnd(port, head, body);
        expect(answer).toMatch(/^HTTP\/1\.1 400 /);
        expect(answer).toMatch(/content-type: application\/problem\+json/i);
        expect(answer).toMatch(/"code":"UPLOAD_INCOMPLETE"/);
      });
    }
  }

  it('the whole body, for contrast, is checked', async () => {
    const head = `POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${form.headers['content-type']}\r\nContent-Length: ${whole.length}\r\nConnection: close\r\n\r\n`;
    expect(await sendAndEnd(port, head, whole)).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('no log line carries what arrived, and none is a warning or an error', async () => {
    // Let the last requests' lines be written.
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.length).toBeGreaterThan(12);
    for (const line of lines) {
      expect(JSON.parse(line).level, line).toBeLessThanOrEqual(30);
      for (const secret of [LETTER_PEOPLE.student, LETTER_PEOPLE.street, 'per week', 'Northwind', boundary]) expect(line).not.toContain(secret);
    }
    const refused = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request refused');
    expect(new Set(refused.map((l) => l.problem))).toEqual(new Set(['UPLOAD_INCOMPLETE']));
  });
});
