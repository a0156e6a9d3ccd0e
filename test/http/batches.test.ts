import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, multipartBody } from '../helper.js';

const LETTER = (name: string) => `Tallgrass Robotics Inc.
40 Prairie Street, Omaha, NE 68102

Dear ${name},
We offer you an internship as Robotics Intern, 20 hours per week.`;

async function waitForBatch(app: FastifyInstance, id: string) {
  for (let i = 0; i < 100; i++) {
    const batch = (await app.inject({ method: 'GET', url: `/v1/batches/${id}` })).json();
    if (batch.status === 'done' && (!batch.callback || batch.callback.status !== 'pending')) return batch;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('batch did not finish');
}

describe('batches', () => {
  let app: FastifyInstance;
  let receiver: Server;
  const received: { body: string; signature: string | undefined }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ body, signature: req.headers['offercheck-signature'] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as AddressInfo).port;
    app = await buildTestApp({ CALLBACK_ALLOWED_HOSTS: `127.0.0.1:${port}`, CALLBACK_SECRET: 'test-secret', MAX_BATCH_FILES: '3' });
  });
  afterAll(async () => {
    await app.close();
    receiver.close();
  });

  it('checks several letters, keeps a failed one as a problem, and posts the signed result to the callback', async () => {
    const port = (receiver.address() as AddressInfo).port;
    const body = multipartBody([
      { name: 'file', value: LETTER('Zhang Wei'), filename: 'zhang.txt', contentType: 'text/plain' },
      { name: 'file', value: Buffer.from([0, 1, 2, 3]), filename: 'broken.bin' },
      { name: 'file', value: LETTER('Fatima Al-Sayed'), filename: 'fatima.txt', contentType: 'text/plain' },
      { name: 'callback_url', value: `http://127.0.0.1:${port}/hooks/offercheck` },
    ]);
    const accepted = await app.inject({ method: 'POST', url: '/v1/batches', ...body });
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
    expect(batch.callback).toMatchObject({ status: 'delivered', attempts: 1 });

    expect(received).toHaveLength(1);
    const expected = `sha256=${createHmac('sha256', 'test-secret').update(received[0].body).digest('hex')}`;
    expect(received[0].signature).toBe(expected);
    expect(JSON.parse(received[0].body).id).toBe(id);
  });

  it('refuses callbacks to hosts the operator did not allow, too many files, and unknown batches', async () => {
    const toElsewhere = multipartBody([
      { name: 'file', value: LETTER('Ana'), filename: 'a.txt' },
      { name: 'callback_url', value: 'http://169.254.169.254/latest/meta-data' },
    ]);
    expect((await app.inject({ method: 'POST', url: '/v1/batches', ...toElsewhere })).json().code).toBe('INVALID_REQUEST');
    const tooMany = multipartBody(Array.from({ length: 4 }, (_, i) => ({ name: 'file', value: LETTER('Ana'), filename: `${i}.txt` })));
    const response = await app.inject({ method: 'POST', url: '/v1/batches', ...tooMany });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/at most 3/);
    expect((await app.inject({ method: 'GET', url: '/v1/batches/00000000-0000-0000-0000-000000000000' })).statusCode).toBe(404);
  });
});
