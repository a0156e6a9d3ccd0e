import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { testSettings } from '../helper.js';
import { LETTER } from '../ingest/samples.js';
import { gatedChecker, listen } from './realHttp.js';

/**
 * Slow and refused uploads over real sockets. A slow client here is what the issue describes: it
 * announces a body and sends it a few bytes at a time. It must hold no place in the check queue,
 * be cut at the body deadline with an answer it can read, and a refused client that keeps sending
 * must still read its answer and see the connection end cleanly (a FIN, not a reset).
 */

interface SlowClient {
  /** Everything the server sent, once the connection has ended. */
  finished: Promise<{ answer: string; clientError: string | null; endedByServer: boolean }>;
  stop(): void;
}

function slowClient(
  port: number,
  { localAddress = '127.0.0.1', contentLength = 50_000, chunk = 'x'.repeat(20), everyMs = 100, path = '/v1/validate', headers = '' } = {},
): SlowClient {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  let answer = '';
  let clientError: string | null = null;
  let endedByServer = false;
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: ${contentLength}\r\n${headers}\r\n`);
    let sent = 0;
    timer = setInterval(() => {
      // Like a client that has not looked at the answer yet: it goes on sending until the server ends the connection.
      if (sent + chunk.length >= contentLength || endedByServer || socket.destroyed) return;
      socket.write(chunk);
      sent += chunk.length;
    }, everyMs);
  });
  socket.on('data', (d) => (answer += d.toString('latin1')));
  socket.on('end', () => {
    endedByServer = true;
    socket.end();
  });
  socket.on('error', (error: NodeJS.ErrnoException) => (clientError = error.code ?? error.message));
  const finished = new Promise<{ answer: string; clientError: string | null; endedByServer: boolean }>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, clientError, endedByServer });
    }),
  );
  return { finished, stop: () => socket.destroy() };
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const codeOf = (answer: string) => /"code":"(\w+)"/.exec(answer)?.[1];

describe('slow uploads', () => {
  let app: FastifyInstance;
  const clients: SlowClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.stop();
    await app?.close();
  });

  it('hold no place in the check queue: with MAX_QUEUE 1 and five uploads trickling in, a letter is checked at once', async () => {
    app = await buildApp({
      settings: testSettings({ UPLOAD_TIMEOUT_MS: '600000', MIN_UPLOAD_BYTES_PER_SECOND: '0', MAX_QUEUE: '1', RATE_LIMIT_PER_MINUTE: '10000' }),
    });
    const port = await listen(app);
    for (let i = 0; i < 5; i++) clients.push(slowClient(port));
    await expect.poll(() => app.uploadsInFlight().uploads).toBe(5);
    const student = await fetch(`http://127.0.0.1:${port}/v1/validate`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: LETTER });
    expect(student.status).toBe(200);
    expect(app.uploadsInFlight().uploads).toBe(5);
    expect(app.admission).toMatchObject({ admitted: 0, refused: 0 });
  });

  it('are cut at the body deadline with a 408 they can read, and give their slots back', async () => {
    app = await buildApp({
      settings: testSettings({ UPLOAD_TIMEOUT_MS: '1000', MIN_UPLOAD_BYTES_PER_SECOND: '0', RATE_LIMIT_PER_MINUTE: '10000' }),
    });
    const port = await listen(app);
    for (let i = 0; i < 5; i++) clients.push(slowClient(port));
    for (const client of clients) {
      const { answer, clientError, endedByServer } = await client.finished;
      expect(statusOf(answer), answer).toBe(408);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(answer).toMatch(/connection: close/i);
      expect(codeOf(answer)).toBe('UPLOAD_TOO_SLOW');
      // It went on sending after the answer, and the server closed its side without a reset.
      expect(endedByServer).toBe(true);
      expect(clientError).toBeNull();
    }
    await expect.poll(() => app.uploadsInFlight()).toEqual({ uploads: 0, bytes: 0 });
    expect(app.admission.admitted).toBe(0);
  });

  it('from one address are limited to MAX_UPLOADS_PER_CLIENT; bodies still arriving share one byte budget', async () => {
    app = await buildApp({
      settings: testSettings({ MAX_UPLOADS_PER_CLIENT: '2', MAX_UPLOAD_BYTES_IN_FLIGHT: String(1024 * 1024), RATE_LIMIT_PER_MINUTE: '10000' }),
    });
    const port = await listen(app);
    clients.push(slowClient(port), slowClient(port));
    await expect.poll(() => app.uploadsInFlight().uploads).toBe(2);

    const third = slowClient(port);
    const refused = await third.finished;
    expect(statusOf(refused.answer), refused.answer).toBe(503);
    expect(codeOf(refused.answer)).toBe('OVERLOADED');
    expect(refused.answer).toMatch(/retry-after: \d+/i);
    expect(refused.answer).toMatch(/2 uploads from you are still arriving/);
    expect(refused.clientError).toBeNull();

    // Another address has its own count...
    clients.push(slowClient(port, { localAddress: '127.0.0.2' }));
    await expect.poll(() => app.uploadsInFlight().uploads).toBe(3);
    // ...but not its own memory: a body that would take the bytes in flight past the budget waits.
    const large = await slowClient(port, { localAddress: '127.0.0.3', contentLength: 1024 * 1024 - 100_000 }).finished;
    expect(statusOf(large.answer), large.answer).toBe(503);
    expect(large.answer).toMatch(/receiving as many uploads as it can hold/);

    for (const client of clients.splice(0)) client.stop();
    await expect.poll(() => app.uploadsInFlight()).toEqual({ uploads: 0, bytes: 0 });
  });
});

describe('a refusal is read by the client, not met with a reset', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  /** Sends the head and a first part of a large body, waits for the answer, then sends the rest regardless. */
  function stubbornUpload(port: number, head: string, bodyBytes: number) {
    return new Promise<{ answer: string; clientError: string | null; endedByServer: boolean }>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      let clientError: string | null = null;
      let endedByServer = false;
      socket.on('data', (d) => {
        const first = answer === '';
        answer += d.toString('latin1');
        if (!first) return;
        // The answer has come; the client had more of its body queued and sends it, 64 KiB at a time.
        let left = bodyBytes - 65_536;
        const more = () => {
          while (left > 0 && !socket.destroyed && !endedByServer) {
            left -= 65_536;
            if (!socket.write(Buffer.alloc(65_536, 0x41))) return socket.once('drain', more);
          }
        };
        more();
      });
      socket.on('end', () => {
        endedByServer = true;
        socket.end();
      });
      socket.on('error', (error: NodeJS.ErrnoException) => (clientError = error.code ?? error.message));
      socket.on('close', () => resolve({ answer, clientError, endedByServer }));
      socket.write(head);
      socket.write(Buffer.alloc(65_536, 0x41));
    });
  }

  it('503 OVERLOADED before the body: the client finishes sending, reads the answer and Retry-After, and sees a clean close', async () => {
    const gated = await gatedChecker();
    app = await buildApp({ settings: testSettings({ MAX_QUEUE: '1' }), checker: gated.checker });
    const port = await listen(app);
    const held = fetch(`http://127.0.0.1:${port}/v1/validate`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: LETTER });
    await expect.poll(() => gated.started()).toBe(1);

    const size = 2 * 1024 * 1024;
    const refused = await stubbornUpload(port, `POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/pdf\r\nContent-Length: ${size}\r\n\r\n`, size);
    expect(statusOf(refused.answer), refused.answer).toBe(503);
    expect(refused.answer).toMatch(/retry-after: \d+/i);
    expect(codeOf(refused.answer)).toBe('OVERLOADED');
    expect(refused.clientError).toBeNull();
    expect(refused.endedByServer).toBe(true);

    // Node's fetch, streaming its body as the CLI's large letters do, sees the 503 and its Retry-After.
    let sent = 0;
    const body = new ReadableStream({
      async pull(controller) {
        if (sent >= size) return controller.close();
        await new Promise((r) => setTimeout(r, 5));
        controller.enqueue(new Uint8Array(64 * 1024));
        sent += 64 * 1024;
      },
    });
    const viaFetch = await fetch(`http://127.0.0.1:${port}/v1/validate`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body, duplex: 'half' } as RequestInit);
    expect(viaFetch.status).toBe(503);
    expect(Number(viaFetch.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await viaFetch.json()).code).toBe('OVERLOADED');

    gated.open();
    expect((await held).status).toBe(200);
  });

  it('413 for a body announced over the limit is read the same way', async () => {
    app = await buildApp({ settings: testSettings({ MAX_UPLOAD_BYTES: '100000', RATE_LIMIT_PER_MINUTE: '10000' }) });
    const port = await listen(app);
    const size = 1024 * 1024;
    const tooLarge = await stubbornUpload(port, `POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/pdf\r\nContent-Length: ${size}\r\n\r\n`, size);
    expect(statusOf(tooLarge.answer), tooLarge.answer).toBe(413);
    expect(codeOf(tooLarge.answer)).toBe('FILE_TOO_LARGE');
    expect(tooLarge.clientError).toBeNull();
    expect(tooLarge.endedByServer).toBe(true);
  });
});
