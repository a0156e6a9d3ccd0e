import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, multipartBody } from '../helper.js';
import { LETTER } from '../ingest/samples.js';

const MiB = 1024 * 1024;

/**
 * Memory that other work holds, here a thread that fills 400 MB, pushes the process's resident size
 * past MAX_RSS_MB. A valid letter must then be refused as load (503 OVERLOADED with Retry-After, at
 * admission, before its body is even read), never answered with a document error; and served again
 * once the memory is given back.
 */
function holdMemory(bytes: number): Promise<Worker> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const held = new Uint8Array(workerData);
     for (let i = 0; i < held.length; i += 4096) held[i] = 1; // touch every page, so it is resident
     parentPort.postMessage('holding');
     setInterval(() => held[0]++, 1000);`,
    { eval: true, workerData: bytes },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

describe('memory pressure from other work', () => {
  let app: FastifyInstance;
  let ceilingMb: number;
  beforeAll(async () => {
    ceilingMb = Math.ceil(process.memoryUsage.rss() / MiB) + 200;
    app = await buildTestApp({ MAX_RSS_MB: String(ceilingMb), RATE_LIMIT_PER_MINUTE: '10000' });
  });
  afterAll(() => app.close());

  const validate = () => app.inject({ method: 'POST', url: '/v1/validate', headers: { 'content-type': 'text/plain' }, payload: LETTER });

  it('is refused at admission with 503 OVERLOADED and Retry-After, never blamed on the letter, until the memory is back', async () => {
    expect((await validate()).statusCode).toBe(200);

    const worker = await holdMemory(400 * MiB);
    try {
      expect(process.memoryUsage.rss() / MiB).toBeGreaterThan(ceilingMb);
      const refused = await validate();
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({ code: 'OVERLOADED', detail: expect.stringMatching(/short of memory/) });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      const form = multipartBody([{ name: 'file', value: LETTER, filename: 'letter.txt', contentType: 'text/plain' }]);
      expect((await app.inject({ method: 'POST', url: '/v1/batches', ...form })).json().code).toBe('OVERLOADED');
      // Reads that check nothing still answer.
      expect((await app.inject({ method: 'GET', url: '/v1/profiles' })).statusCode).toBe(200);
    } finally {
      await worker.terminate();
    }
    // The memory goes back with the thread; the same letter is then checked as usual.
    await expect.poll(async () => (await validate()).statusCode, { timeout: 20_000, interval: 250 }).toBe(200);
  });
});
