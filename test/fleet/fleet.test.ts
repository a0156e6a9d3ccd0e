import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createChecker } from '../../src/checker.js';
import { connectRedis } from '../../src/fleet/connectRedis.js';
import { createJobCipher } from '../../src/fleet/jobCipher.js';
import { startFleetWorker, type FleetWorker } from '../../src/fleet/startFleetWorker.js';
import { buildApp } from '../../src/http/app.js';
import { followUpEmail, offerPdf } from '../case/caseLetters.js';
import { fixture, multipartBody, testSettings } from '../helper.js';
import { callbackReceiver } from '../http/realHttp.js';
import { everythingStored, startRedis, type RedisServer } from './redisServer.js';

// Invented: no such student, orchard or pay anywhere but here.
const STUDENT = 'Oluwaseun Adebayo-Lindqvist';
const EMPLOYER = 'Quillfeather Orchards';
const LETTER = (name: string) => `${EMPLOYER} LLC
12 Cider Mill Road, Hood River, OR 97031

June 2, 2027

Dear ${name},
We are pleased to offer you an internship as Orchard Data Intern from June 14, 2027 to August 20, 2027,
20 hours per week, at $31.75 per hour, at 12 Cider Mill Road, Hood River, OR 97031.
Your duties: sampling fruit, recording yields and mapping irrigation.

Sincerely,
Marguerite Okonkwo-Hale, Director`;
const WORDS = ['Oluwaseun', 'Lindqvist', 'Quillfeather', 'Cider Mill', '31.75', 'Okonkwo'];

const KEY_A = 'office-key-a-0123456789abcdefghij';
const KEY_B = 'office-key-b-0123456789abcdefghij';
const keyOf = (key: string) => ({ authorization: `Bearer ${key}` });

const letters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: 'file', value: LETTER(STUDENT), filename: `oluwaseun-offer-${i}.txt`, contentType: 'text/plain' }));

async function postBatch(app: FastifyInstance, parts: Parameters<typeof multipartBody>[0], headers: Record<string, string> = {}) {
  const body = multipartBody(parts);
  return app.inject({ method: 'POST', url: '/v1/batches', headers: { ...body.headers, ...headers }, payload: body.payload });
}

async function waitForBatch(app: FastifyInstance, id: string, headers: Record<string, string>) {
  for (let i = 0; i < 600; i++) {
    const response = await app.inject({ method: 'GET', url: `/v1/batches/${id}`, headers });
    const batch = response.json();
    if (batch.status === 'done' && (!batch.callback || batch.callback.status !== 'pending')) return batch;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('batch did not finish');
}

describe('the fleet: batches and letters over a real Redis', () => {
  let redis: RedisServer;
  let receiver: Awaited<ReturnType<typeof callbackReceiver>>;
  let env: Record<string, string>;
  const apps: FastifyInstance[] = [];
  const workers: { worker: FleetWorker; close(): Promise<void> }[] = [];

  async function api(): Promise<FastifyInstance> {
    const app = await buildApp({ settings: testSettings(env) });
    await app.ready();
    apps.push(app);
    return app;
  }

  /** A worker in this process: its own checker, its own connection, as `npm run worker` has. */
  async function worker(): Promise<FleetWorker> {
    const settings = testSettings(env);
    const checker = await createChecker(settings, { ocr: null });
    const connection = connectRedis(redis.url, 'worker');
    const started = await startFleetWorker({ settings, checker, ocrPool: null, redis: connection, cipher: createJobCipher(env.JOB_ENCRYPTION_KEY), log: { info() {}, warn() {}, error() {} } });
    const entry = {
      worker: started,
      close: async () => {
        await started.close();
        await checker.close();
        await connection.quit();
      },
    };
    workers.push(entry);
    return started;
  }

  async function stopWorkers() {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  }

  beforeAll(async () => {
    redis = await startRedis();
    receiver = await callbackReceiver({ failFirst: 2 });
    env = {
      REDIS_URL: redis.url,
      JOB_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      API_KEYS: `${KEY_A},${KEY_B}`,
      CALLBACK_ALLOWED_HOSTS: receiver.host,
      CALLBACK_SECRET: 'fleet-test-secret',
      CALLBACK_BACKOFF_MS: '50',
    };
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await stopWorkers();
  });
  afterAll(async () => {
    await receiver?.close();
    await redis?.stop();
  });

  it('a batch survives a restart of the API and of its workers; another key gets 404 for it', async () => {
    const first = await api();
    const accepted = await postBatch(first, [...letters(2), { name: 'student_name', value: STUDENT }], keyOf(KEY_A));
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { id } = accepted.json();
    await first.close();

    // Nothing was checked before the API went: a worker started now checks the batch.
    await worker();
    const second = await api();
    const done = await waitForBatch(second, id, keyOf(KEY_A));
    expect(done.summary).toMatchObject({ total: 2, done: 2, failed: 0 });
    expect(done.items.map((i: { filename: string; status: string }) => [i.filename, i.status])).toEqual([
      ['oluwaseun-offer-0.txt', 'done'],
      ['oluwaseun-offer-1.txt', 'done'],
    ]);
    expect(done.items[0].report.elements.student_name.value).toBe(STUDENT);
    await stopWorkers();
    await second.close();

    // Neither the API nor any worker from before: the finished batch is still there, for its key only.
    const third = await api();
    const again = await third.inject({ method: 'GET', url: `/v1/batches/${id}`, headers: keyOf(KEY_A) });
    expect(again.statusCode).toBe(200);
    expect(again.json().items[1].report.elements.hours_per_week.value).toEqual({ min: 20, max: 20 });
    const otherKey = await third.inject({ method: 'GET', url: `/v1/batches/${id}`, headers: keyOf(KEY_B) });
    expect(otherKey.statusCode).toBe(404);
    expect(otherKey.body).not.toContain('Oluwaseun');
    const unknown = await third.inject({ method: 'GET', url: '/v1/batches/00000000-0000-4000-8000-000000000000', headers: keyOf(KEY_B) });
    expect(unknown.json().detail).toBe(otherKey.json().detail);
    expect((await third.inject({ method: 'GET', url: `/v1/batches/${id}` })).statusCode).toBe(401);
  });

  it("nothing of a letter is readable in Redis: not its words, its file name, its options or its report; the bytes go once checked", async () => {
    const app = await api();
    const accepted = await postBatch(app, [...letters(2), { name: 'student_name', value: STUDENT }, { name: 'employer', value: EMPLOYER }], keyOf(KEY_A));
    expect(accepted.statusCode).toBe(202);
    const { id } = accepted.json();
    const client = redis.client();

    // Queued, not yet checked: the letters are in Redis, sealed.
    const queued = await everythingStored(client);
    expect(queued.keys).toContain(`offercheck:batch:${id}:letters`);
    for (const word of [...WORDS, 'oluwaseun-offer']) expect(queued.text.toLowerCase()).not.toContain(word.toLowerCase());

    await worker();
    const done = await waitForBatch(app, id, keyOf(KEY_A));
    expect(done.items[0].report.elements.employer_name.value).toMatch(/Quillfeather/);

    // Checked: the letters are gone, the reports (which quote the name and the pay) sealed.
    const checked = await everythingStored(client);
    expect(checked.keys).not.toContain(`offercheck:batch:${id}:letters`);
    expect(checked.keys).toContain(`offercheck:batch:${id}:items`);
    for (const word of [...WORDS, 'oluwaseun-offer']) expect(checked.text.toLowerCase()).not.toContain(word.toLowerCase());
    for (const key of checked.keys) expect(key).toMatch(/^offercheck:[a-z0-9:_-]+$/);
    expect(await client.pttl(`offercheck:batch:${id}`)).toBeGreaterThan(0);

    // A single letter through the fleet: answered, then nothing of it left behind.
    const single = await app.inject({ method: 'POST', url: `/v1/validate?student_name=${encodeURIComponent(STUDENT)}`, headers: { 'content-type': 'text/plain', ...keyOf(KEY_A) }, payload: LETTER(STUDENT) });
    expect(single.statusCode, single.body).toBe(200);
    expect(single.json().elements.student_name.value).toBe(STUDENT);
    const after = await everythingStored(client);
    expect(after.keys.filter((k) => k.startsWith('offercheck:single:'))).toEqual([]);
    for (const word of WORDS) expect(after.text).not.toContain(word);
  });

  it('a callback receiver that fails twice then succeeds gets one signed delivery, and the batch shows how it went', async () => {
    await worker();
    const app = await api();
    const accepted = await postBatch(app, [...letters(1), { name: 'callback_url', value: `http://${receiver.host}/hooks/offercheck` }], keyOf(KEY_A));
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().callback).toMatchObject({ status: 'pending', attempts: 0, maxAttempts: 8 });
    const done = await waitForBatch(app, accepted.json().id, keyOf(KEY_A));
    expect(done.callback).toMatchObject({ url: `http://${receiver.host}/hooks/offercheck`, status: 'delivered', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(Date.parse(done.callback.deliveredAt)).toBeGreaterThan(0);
    // Long enough for a fourth attempt, were one (wrongly) coming.
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 204]);
    expect(receiver.delivered()).toHaveLength(1);
    for (const request of receiver.received) {
      expect(request.signature).toBe(`sha256=${createHmac('sha256', 'fleet-test-secret').update(request.body).digest('hex')}`);
    }
    expect(JSON.parse(receiver.delivered()[0].body)).toMatchObject({ id: done.id, status: 'done', summary: { total: 1, done: 1 } });
  });

  it('Idempotency-Key returns the same batch, also from an API restarted in between; per key; refused for other letters', async () => {
    const headers = { ...keyOf(KEY_A), 'idempotency-key': '3f1c9a2e-intake-0001' };
    const first = await api();
    const created = await postBatch(first, letters(2), headers);
    expect(created.statusCode).toBe(202);
    await first.close();
    const second = await api();
    const repeated = await postBatch(second, letters(2), headers);
    expect(repeated.statusCode).toBe(202);
    expect(repeated.json().id).toBe(created.json().id);
    expect(repeated.headers['idempotent-replayed']).toBe('true');
    const otherKey = await postBatch(second, letters(2), { ...keyOf(KEY_B), 'idempotency-key': '3f1c9a2e-intake-0001' });
    expect(otherKey.json().id).not.toBe(created.json().id);
    const otherLetters = await postBatch(second, letters(1), headers);
    expect(otherLetters.statusCode).toBe(400);
    // Checked once: two letters in one batch, not four in two.
    await worker();
    const done = await waitForBatch(second, created.json().id, keyOf(KEY_A));
    expect(done.summary.total).toBe(2);
  });

  it('a case of documents (the letter, then an email sent after it) goes to a worker as one letter and comes back as one report', async () => {
    await worker();
    const app = await api();
    const body = multipartBody([
      { name: 'file', value: await offerPdf({ hours: null, start: 'June 7, 2099', end: 'August 27, 2099' }), filename: 'offer.pdf', contentType: 'application/pdf' },
      { name: 'file', value: followUpEmail(['To confirm, the position is 20 hours per week.']), filename: 'hours.eml', contentType: 'message/rfc822' },
    ]);
    const response = await app.inject({ method: 'POST', url: '/v1/validate', headers: { ...body.headers, ...keyOf(KEY_A) }, payload: body.payload });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['offer.pdf', 'hours.eml']);
    expect(report.elements.hours_per_week.evidence[0].document).toEqual({ index: 1, fileName: 'hours.eml' });
    expect(report.verdict).toBe('complete');
  });

  it('a problem found by a worker is answered as the service answers it; a photo with no OCR worker anywhere is refused at once', async () => {
    await worker();
    const app = await api();
    const unreadable = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'application/pdf', ...keyOf(KEY_A) }, payload: Buffer.from('%PDF-1.7\n%garbage that is no PDF') });
    expect(unreadable.headers['content-type']).toMatch(/problem\+json/);
    expect(unreadable.json()).toMatchObject({ status: 422, instance: '/v1/validate' });
    const unknownProfile = await app.inject({ method: 'POST', url: '/v1/validate?profile=no-such-profile', headers: { 'content-type': 'text/plain', ...keyOf(KEY_A) }, payload: LETTER(STUDENT) });
    expect(unknownProfile.json().code).toBe('UNKNOWN_PROFILE');

    // This fleet's only worker has no OCR (OCR_WORKERS=0): a photo would wait for ever.
    const photo = await app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'image/png', ...keyOf(KEY_A) }, payload: fixture('ocr/png-clean-01.png') });
    expect(photo.statusCode).toBe(503);
    expect(photo.json().code).toBe('OVERLOADED');
    expect(Number(photo.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toMatchObject({ status: 'ready', redis: 'ok', workers: 1, ocrSlots: 0 });
  });

  it('/readyz says not ready while Redis does not answer', async () => {
    const own = await startRedis();
    const app = await buildApp({ settings: testSettings({ ...env, REDIS_URL: own.url }) });
    apps.push(app);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready', redis: 'ok', workers: 0 });
    await own.stop();
    const down = await app.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'NOT_READY', detail: expect.stringMatching(/Redis does not answer/) });
  });
});
