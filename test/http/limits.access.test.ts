import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { ReaderPool } from '../../src/isolation/readerPool.js';
import { buildApp } from '../../src/http/app.js';
import { buildTestApp, testSettings } from '../helper.js';
import { LETTER, pdfOf } from '../ingest/samples.js';
import { gatedChecker } from './realHttp.js';

const validate = (app: FastifyInstance, headers: Record<string, string> = {}, remoteAddress?: string) =>
  app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain', ...headers }, payload: LETTER, remoteAddress });

describe('API keys', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  it('with keys and OPEN_WEB_FORM: students validate and list profiles without a key, everything else needs one', async () => {
    app = await buildTestApp({ API_KEYS: 'pipeline-key-1, integration-key-2', OPEN_WEB_FORM: 'true', READER_WORKERS: '0' });
    expect((await validate(app)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/v1/profiles' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);

    const batch = await app.inject({ method: 'GET', url: '/v1/batches/some-id' });
    expect(batch.statusCode).toBe(401);
    expect(batch.headers['www-authenticate']).toMatch(/^Bearer realm="offercheck"/);
    expect(batch.json()).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    const keyed = await app.inject({ method: 'GET', url: '/v1/batches/some-id', headers: { authorization: 'Bearer integration-key-2' } });
    expect(keyed.statusCode).toBe(404); // past the door: the batch simply does not exist
  });

  it('a wrong or malformed key is 401 even on the open routes, so an integration finds out at once', async () => {
    app = await buildTestApp({ API_KEYS: 'pipeline-key-1', READER_WORKERS: '0' });
    for (const authorization of ['Bearer pipeline-key-2', 'Bearer pipeline-key-1x', 'Basic cGlwZWxpbmUta2V5LTE=', 'Bearer', 'pipeline-key-1']) {
      const response = await validate(app, { authorization });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    }
    expect((await validate(app, { authorization: 'bearer pipeline-key-1' })).statusCode).toBe(200);
  });

  it('with OPEN_WEB_FORM=false the validate route needs a key too', async () => {
    app = await buildTestApp({ API_KEYS: 'pipeline-key-1', OPEN_WEB_FORM: 'false', READER_WORKERS: '0' });
    expect((await validate(app)).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/v1/profiles' })).statusCode).toBe(401);
    expect((await validate(app, { authorization: 'Bearer pipeline-key-1' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200); // the page itself is static
  });

  it('without API_KEYS the API is open and an Authorization header changes nothing', async () => {
    app = await buildTestApp({ READER_WORKERS: '0' });
    expect((await validate(app, { authorization: 'Bearer anything' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/v1/batches/x' })).statusCode).toBe(404);
  });
});

describe('rate limits', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());
  const check = (headers: Record<string, string> = {}, remoteAddress?: string) => validate(app, headers, remoteAddress);

  it('per address without a key: 429 RATE_LIMITED with Retry-After past the limit; reads and health checks are not counted', async () => {
    app = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '3', READER_WORKERS: '0' });
    for (let i = 0; i < 3; i++) expect((await check()).statusCode).toBe(200);
    const limited = await check();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', detail: expect.stringMatching(/from one address/) });
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/v1/profiles' })).statusCode).toBe(200);
    }
    expect((await check({}, '192.0.2.7')).statusCode).toBe(200); // another address, its own count
  });

  it('per key with a key, at its own higher limit, whatever address it comes from', async () => {
    app = await buildTestApp({ API_KEYS: 'pipeline-key-1', RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_KEYED_PER_MINUTE: '6', READER_WORKERS: '0' });
    const key = { authorization: 'Bearer pipeline-key-1' };
    for (let i = 0; i < 2; i++) expect((await check()).statusCode).toBe(200);
    expect((await check()).statusCode).toBe(429);
    for (let i = 0; i < 6; i++) expect((await check(key, `198.51.100.${i}`)).statusCode).toBe(200);
    const limited = await check(key);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().detail).toMatch(/per API key/);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy it came through', async () => {
    app = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '2', READER_WORKERS: '0' });
    const spoofed = (n: number) => check({ 'x-forwarded-for': `203.0.113.${n}` });
    expect([(await spoofed(1)).statusCode, (await spoofed(2)).statusCode, (await spoofed(3)).statusCode]).toEqual([200, 200, 429]);
    await app.close();

    app = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '10.0.0.5', READER_WORKERS: '0' });
    const viaProxy = (client: string) => check({ 'x-forwarded-for': client }, '10.0.0.5');
    // Behind the trusted proxy every student is counted by their own address...
    for (let n = 1; n <= 4; n++) expect((await viaProxy(`203.0.113.${n}`)).statusCode).toBe(200);
    expect([(await viaProxy('203.0.113.1')).statusCode, (await viaProxy('203.0.113.1')).statusCode]).toEqual([200, 429]);
    // ...and a client that is not the proxy cannot pick an address to hide behind.
    const direct = (n: number) => check({ 'x-forwarded-for': `198.51.100.${n}` }, '192.0.2.50');
    expect([(await direct(1)).statusCode, (await direct(2)).statusCode, (await direct(3)).statusCode]).toEqual([200, 200, 429]);
  });
});

describe('backpressure', () => {
  it('answers 503 OVERLOADED with Retry-After past MAX_QUEUE without reading the body, and admits again once checks finish', async () => {
    const gated = await gatedChecker();
    const app = await buildApp({ settings: testSettings({ MAX_QUEUE: '2', READER_WORKERS: '0' }), checker: gated.checker });
    try {
      const first = validate(app);
      const second = validate(app);
      await expect.poll(() => gated.started()).toBe(2);
      const refused = await validate(app);
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({ code: 'OVERLOADED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(gated.started()).toBe(2); // the refused letter never reached the checker
      expect(app.admission).toMatchObject({ admitted: 2, refused: 1 });
      gated.open();
      expect((await first).statusCode).toBe(200);
      expect((await second).statusCode).toBe(200);
      await expect.poll(() => app.admission.admitted).toBe(0);
      expect((await validate(app)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('keeps the slot of a client that left until its check has finished', async () => {
    const gated = await gatedChecker();
    const app = await buildApp({ settings: testSettings({ MAX_QUEUE: '1', READER_WORKERS: '0' }), checker: gated.checker });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.address() as net.AddressInfo).port;
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(`POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(LETTER)}\r\n\r\n${LETTER}`);
      await expect.poll(() => gated.started()).toBe(1);
      socket.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect(app.admission.admitted).toBe(1);
      expect((await validate(app)).statusCode).toBe(503);
      gated.open();
      await expect.poll(() => app.admission.admitted).toBe(0);
      expect((await validate(app)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('graceful shutdown', () => {
  const settings = testSettings({ READER_WORKERS: '1' });
  let pool: ReaderPool;
  let app: FastifyInstance;
  beforeAll(async () => {
    pool = new ReaderPool({ workers: 1, memoryMb: settings.READER_MEMORY_MB, rssCeilingMb: settings.READER_RSS_MB, taskTimeoutMs: settings.REQUEST_TIMEOUT_MS });
    app = await buildApp({ settings, checker: await createChecker(settings, { readers: pool }) });
    await Promise.all([app.checker.ready(), app.checker.warm()]);
  });
  afterAll(() => app.close());

  it('lets the checks in flight finish, then ends the reader children, then refuses new checks', async () => {
    const pdf = await pdfOf([LETTER]);
    const inFlight = [1, 2, 3].map(() => app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/pdf' }, payload: pdf }));
    await expect.poll(() => pool.stats().busy).toBe(1);
    const closed = app.close();
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    await closed;
    expect(pool.stats()).toMatchObject({ workers: 0, busy: 0, queued: 0 });
    await expect(app.checker.check(pdf)).rejects.toMatchObject({ code: 'OVERLOADED' });
  });
});
