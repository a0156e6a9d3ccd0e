import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { buildTestApp, multipartBody, testSettings } from '../helper.js';
import { callbackReceiver, gatedChecker } from './realHttp.js';

const LETTER = (name: string) => `Tallgrass Robotics Inc.
40 Prairie Street, Omaha, NE 68102

Dear ${name},
We offer you an internship as Robotics Intern, 20 hours per week.`;

// Invented students.
const STUDENTS = ['Zhang Wei', 'Fatima Al-Sayed', 'Kofi Mensah', 'Ana Lucia Ortega', 'Dmitri Volkov'];
const letters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: 'file', value: LETTER(STUDENTS[i % STUDENTS.length]), filename: `${i}.txt`, contentType: 'text/plain' }));
const keyOf = (key: string) => ({ authorization: `Bearer ${key}` });

async function postBatch(app: FastifyInstance, parts: Parameters<typeof multipartBody>[0], headers: Record<string, string> = {}) {
  const body = multipartBody(parts);
  return app.inject({ method: 'POST', url: '/v1/batches', headers: { ...body.headers, ...headers }, payload: body.payload });
}

async function waitForBatch(app: FastifyInstance, id: string, headers: Record<string, string> = {}) {
  for (let i = 0; i < 200; i++) {
    const batch = (await app.inject({ method: 'GET', url: `/v1/batches/${id}`, headers })).json();
    if (batch.status === 'done' && (!batch.callback || batch.callback.status !== 'pending')) return batch;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('batch did not finish');
}

describe('batches', () => {
  let app: FastifyInstance;
  let receiver: Awaited<ReturnType<typeof callbackReceiver>>;

  beforeAll(async () => {
    receiver = await callbackReceiver();
    app = await buildTestApp({ CALLBACK_ALLOWED_HOSTS: receiver.host, CALLBACK_SECRET: 'test-secret', MAX_BATCH_FILES: '3' });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('checks several letters, keeps a failed one as a problem, and posts the signed result to the callback', async () => {
    const accepted = await postBatch(app, [
      { name: 'file', value: LETTER('Zhang Wei'), filename: 'zhang.txt', contentType: 'text/plain' },
      { name: 'file', value: Buffer.from([0, 1, 2, 3]), filename: 'broken.bin' },
      { name: 'file', value: LETTER('Fatima Al-Sayed'), filename: 'fatima.txt', contentType: 'text/plain' },
      { name: 'callback_url', value: `http://${receiver.host}/hooks/offercheck` },
    ]);
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { id } = accepted.json();
    expect(accepted.headers.location).toBe(`/v1/batches/${id}`);

    const batch = await waitForBatch(app, id);
    expect(batch.summary).toMatchObject({ total: 3, done: 3, failed: 1 });
    expect(batch.items.map((i: { filename: string; status: string }) => [i.filename, i.status])).toEqual([
      ['zhang.txt', 'done'],
      ['broken.bin', 'failed'],
      ['fatima.txt', 'done'],
    ]);
    expect(batch.items[1].problem).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
    expect(batch.items[0].report.elements.hours_per_week.value).toEqual({ min: 20, max: 20 });
    expect(batch.callback).toMatchObject({ status: 'delivered', attempts: 1, lastError: null, nextAttemptAt: null });
    expect(Date.parse(batch.callback.deliveredAt)).toBeGreaterThan(0);

    expect(receiver.received).toHaveLength(1);
    const expected = `sha256=${createHmac('sha256', 'test-secret').update(receiver.received[0].body).digest('hex')}`;
    expect(receiver.received[0].signature).toBe(expected);
    expect(JSON.parse(receiver.received[0].body).id).toBe(id);
  });

  it('refuses callbacks to hosts the operator did not allow, too many files, a raw body, and unknown batches', async () => {
    const toElsewhere = await postBatch(app, [
      { name: 'file', value: LETTER('Ana'), filename: 'a.txt' },
      { name: 'callback_url', value: 'http://169.254.169.254/latest/meta-data' },
    ]);
    expect(toElsewhere.json().code).toBe('INVALID_REQUEST');
    const response = await postBatch(app, letters(4));
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/at most 3/);
    const raw = await app.inject({ method: 'POST', url: '/v1/batches', headers: { 'content-type': 'text/plain' }, payload: LETTER('Ana') });
    expect(raw.json()).toMatchObject({ code: 'INVALID_REQUEST', detail: expect.stringMatching(/multipart/) });
    expect((await app.inject({ method: 'GET', url: '/v1/batches/00000000-0000-0000-0000-000000000000' })).statusCode).toBe(404);
  });
});

describe('callbacks and repeated requests', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('a receiver that fails twice then succeeds gets one delivery, each attempt signed, and the batch shows how it went', async () => {
    const receiver = await callbackReceiver({ failFirst: 2 });
    try {
      app = await buildTestApp({ CALLBACK_ALLOWED_HOSTS: receiver.host, CALLBACK_SECRET: 'test-secret', CALLBACK_BACKOFF_MS: '20' });
      const accepted = await postBatch(app, [...letters(1), { name: 'callback_url', value: `http://${receiver.host}/hooks` }]);
      expect(accepted.json().callback).toMatchObject({ status: 'pending', attempts: 0, maxAttempts: 8 });
      const batch = await waitForBatch(app, accepted.json().id);
      expect(batch.callback).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
      expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 204]);
      expect(receiver.delivered()).toHaveLength(1);
      for (const request of receiver.received) expect(request.signature).toBe(`sha256=${createHmac('sha256', 'test-secret').update(request.body).digest('hex')}`);
      expect(JSON.parse(receiver.delivered()[0].body)).toMatchObject({ id: batch.id, status: 'done' });
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that never answers 2xx is given up on after CALLBACK_ATTEMPTS, with the reason on the batch', async () => {
    const receiver = await callbackReceiver({ failFirst: 100 });
    try {
      app = await buildTestApp({ CALLBACK_ALLOWED_HOSTS: receiver.host, CALLBACK_ATTEMPTS: '3', CALLBACK_BACKOFF_MS: '10' });
      const accepted = await postBatch(app, [...letters(1), { name: 'callback_url', value: `http://${receiver.host}/hooks` }]);
      const batch = await waitForBatch(app, accepted.json().id);
      expect(batch.callback).toMatchObject({ status: 'failed', attempts: 3, maxAttempts: 3, lastError: 'HTTP 500', nextAttemptAt: null, deliveredAt: null });
      expect(receiver.received).toHaveLength(3);
    } finally {
      await receiver.close();
    }
  });

  it('Idempotency-Key: the same request again gets the same batch, checked once; per key; another request with the key is refused', async () => {
    app = await buildTestApp({ API_KEYS: 'office-key-a,office-key-b' });
    const headers = { ...keyOf('office-key-a'), 'idempotency-key': 'intake-2027-06-01-0001' };
    const first = await postBatch(app, letters(2), headers);
    expect(first.statusCode, first.body).toBe(202);
    await waitForBatch(app, first.json().id, keyOf('office-key-a'));
    const again = await postBatch(app, letters(2), headers);
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers.location).toBe(`/v1/batches/${first.json().id}`);
    expect(again.json().summary).toMatchObject({ total: 2, done: 2 });

    // Another key's request with the same Idempotency-Key is its own.
    const otherKey = await postBatch(app, letters(2), { ...keyOf('office-key-b'), 'idempotency-key': 'intake-2027-06-01-0001' });
    expect(otherKey.statusCode).toBe(202);
    expect(otherKey.json().id).not.toBe(first.json().id);

    const otherLetters = await postBatch(app, letters(1), headers);
    expect(otherLetters.statusCode).toBe(400);
    expect(otherLetters.json().detail).toMatch(/Idempotency-Key was used before/);
    const badKey = await postBatch(app, letters(1), { ...keyOf('office-key-a'), 'idempotency-key': 'x'.repeat(256) });
    expect(badKey.statusCode).toBe(400);
  });
});

describe('batches for several tenants', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('a batch is visible only to the key that created it: 404 to any other key, as if it did not exist', async () => {
    app = await buildTestApp({ API_KEYS: 'office-key-a,office-key-b' });
    const created = await postBatch(app, letters(2), keyOf('office-key-a'));
    expect(created.statusCode, created.body).toBe(202);
    const { id } = created.json();
    const done = await waitForBatch(app, id, keyOf('office-key-a'));
    expect(done.items[0].report.elements.student_name.value).toBe('Zhang Wei');

    const other = await app.inject({ method: 'GET', url: `/v1/batches/${id}`, headers: keyOf('office-key-b') });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    expect(other.body).not.toContain('Zhang Wei');
    const unknown = await app.inject({ method: 'GET', url: '/v1/batches/00000000-0000-0000-0000-000000000000', headers: keyOf('office-key-b') });
    expect(unknown.json().detail).toBe(other.json().detail); // the same answer: nothing tells the two apart
    expect((await app.inject({ method: 'GET', url: `/v1/batches/${id}` })).statusCode).toBe(401);
  });

  it('only unfinished batches count against MAX_BATCHES; finished ones never block the next', async () => {
    const gated = await gatedChecker();
    app = await buildApp({ settings: testSettings({ MAX_BATCHES: '2', MAX_BATCHES_PER_KEY: '10' }), checker: gated.checker });
    const first = await postBatch(app, letters(1));
    const second = await postBatch(app, letters(1));
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    const third = await postBatch(app, letters(1));
    expect(third.statusCode).toBe(503);
    expect(third.json().code).toBe('OVERLOADED');
    expect(Number(third.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    gated.open();
    await waitForBatch(app, first.json().id);
    await waitForBatch(app, second.json().id);
    // Twenty finished batches waiting to be fetched used to block every tenant for an hour.
    for (let i = 0; i < 6; i++) {
      const next = await postBatch(app, letters(1));
      expect(next.statusCode, next.body).toBe(202);
      await waitForBatch(app, next.json().id);
    }
    expect((await app.inject({ method: 'GET', url: `/v1/batches/${first.json().id}` })).statusCode).toBe(200);
  });

  it('MAX_BATCHES_PER_KEY: one key cannot take every batch slot', async () => {
    const gated = await gatedChecker();
    app = await buildApp({ settings: testSettings({ API_KEYS: 'office-key-a,office-key-b', MAX_BATCHES: '10', MAX_BATCHES_PER_KEY: '2' }), checker: gated.checker });
    for (let i = 0; i < 2; i++) expect((await postBatch(app, letters(1), keyOf('office-key-a'))).statusCode).toBe(202);
    const refused = await postBatch(app, letters(1), keyOf('office-key-a'));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', detail: expect.stringMatching(/2 batches still being checked/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await postBatch(app, letters(1), keyOf('office-key-b'))).statusCode).toBe(202);
    gated.open();
  });

  it('finished batches are kept within BATCH_MEMORY_MB, the oldest finished dropped first', async () => {
    app = await buildTestApp({ MAX_BATCH_FILES: '2' });
    const probe = await postBatch(app, letters(2));
    const size = Buffer.byteLength(JSON.stringify(await waitForBatch(app, probe.json().id)));
    await app.close();

    // Room for three such batches, not four.
    const budgetMb = (3.5 * size) / (1024 * 1024);
    app = await buildTestApp({ MAX_BATCH_FILES: '2', BATCH_MEMORY_MB: String(budgetMb) });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const created = await postBatch(app, letters(2));
      ids.push(created.json().id);
      await waitForBatch(app, created.json().id);
    }
    const kept = [];
    for (const id of ids) kept.push((await app.inject({ method: 'GET', url: `/v1/batches/${id}` })).statusCode);
    expect(kept).toEqual([404, 404, 404, 200, 200, 200]);
  });

  it('MAX_BATCH_FILES letters are taken with every option field beside them, one more is refused', async () => {
    const receiver = await callbackReceiver();
    try {
      app = await buildTestApp({ CALLBACK_ALLOWED_HOSTS: receiver.host });
      const options = [
        { name: 'student_name', value: 'Zhang Wei' },
        { name: 'profile', value: 'cpt' },
        { name: 'program', value: 'cpt' },
        { name: 'employer', value: 'Tallgrass Robotics Inc.' },
        { name: 'start_date', value: '2027-06-01' },
        { name: 'end_date', value: '2027-08-20' },
        { name: 'graduation_date', value: '2028-05-15' },
        { name: 'callback_url', value: `http://${receiver.host}/hooks` },
      ];
      const accepted = await postBatch(app, [...options.slice(0, 4), ...letters(25), ...options.slice(4)]);
      expect(accepted.statusCode, accepted.body).toBe(202);
      expect(accepted.json().summary.total).toBe(25);
      const done = await waitForBatch(app, accepted.json().id);
      expect(done.summary).toMatchObject({ total: 25, done: 25, failed: 0 });
      expect(done.callback.status).toBe('delivered');
      expect(JSON.parse(receiver.received[0].body).items).toHaveLength(25);

      const tooMany = await postBatch(app, [...options, ...letters(26)]);
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().detail).toMatch(/at most 25 letters/);
    } finally {
      await receiver.close();
    }
  });

  it("a batch's letters hold their places in the check queue until each is checked, not only until the 202", async () => {
    const gated = await gatedChecker();
    app = await buildApp({ settings: testSettings({ MAX_QUEUE: '3' }), checker: gated.checker });
    const accepted = await postBatch(app, letters(3));
    expect(accepted.statusCode).toBe(202);
    await expect.poll(() => gated.started()).toBe(1);
    expect(app.admission.admitted).toBe(3);
    const single = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain' }, payload: LETTER('Ana') });
    expect(single.statusCode).toBe(503);
    // A batch that does not fit the queue whole is refused, not partly admitted.
    expect((await postBatch(app, letters(1))).statusCode).toBe(503);
    gated.open();
    await waitForBatch(app, accepted.json().id);
    await expect.poll(() => app!.admission.admitted).toBe(0);
    expect((await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain' }, payload: LETTER('Ana') })).statusCode).toBe(200);
  });
});
