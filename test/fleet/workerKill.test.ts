import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createChecker } from '../../src/checker.js';
import { createOcrService } from '../../src/extract/ocr/createOcrService.js';
import { connectRedis } from '../../src/fleet/connectRedis.js';
import { createJobCipher } from '../../src/fleet/jobCipher.js';
import { startFleetWorker } from '../../src/fleet/startFleetWorker.js';
import { buildApp } from '../../src/http/app.js';
import { fixture, multipartBody, ROOT, testSettings } from '../helper.js';
import { startRedis, type RedisServer } from './redisServer.js';

const TEXT_LETTER = `Tallgrass Robotics Inc.
40 Prairie Street, Omaha, NE 68102

Dear Kofi Mensah,
We offer you an internship as Robotics Intern, 20 hours per week.`;

interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/**
 * A worker as `npm run worker` runs it (tsx runs the source the build compiles to
 * dist/worker/main.js), in a process of its own that the test can kill.
 */
function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 90_000, everyMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

describe('a worker killed with SIGKILL while it checks a letter', () => {
  let redis: RedisServer;
  let env: Record<string, string>;
  let app: FastifyInstance | undefined;
  const children: WorkerProcess[] = [];
  const closers: (() => Promise<void>)[] = [];

  /**
   * The worker that takes the letter up, in this process: the same code as `npm run worker` runs,
   * without a second process start (tsx and OCR loading take ten seconds here under load).
   */
  async function inProcessWorker(extraEnv: Record<string, string>) {
    const settings = testSettings({ ...env, ...extraEnv });
    const ocr = createOcrService(settings);
    const checker = await createChecker(settings, { ocr });
    await checker.ready();
    const connection = connectRedis(redis.url, 'worker');
    const worker = await startFleetWorker({ settings, checker, ocrPool: ocr, redis: connection, cipher: createJobCipher(env.JOB_ENCRYPTION_KEY), log: { info() {}, warn() {}, error() {} } });
    closers.push(async () => {
      await worker.close();
      await checker.close();
      await connection.quit();
    });
  }

  beforeAll(async () => {
    redis = await startRedis();
    env = {
      REDIS_URL: redis.url,
      JOB_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      // A dead worker's letter is taken up 2-4 s after its death rather than 30-60 s.
      JOB_LOCK_MS: '2000',
      OCR_WORKERS: '1',
      READER_WORKERS: '1',
      LOG_LEVEL: 'warn',
    };
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    for (const close of closers.splice(0)) await close();
    for (const worker of children.splice(0)) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await redis.client().flushall();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  /**
   * Sends a photo (read by OCR for a second or more) and a text letter to a worker process, kills it
   * while the photo is being read, and starts another worker.
   */
  async function killMidLetter(extraEnv: Record<string, string> = {}) {
    const client = redis.client();
    const first = spawnWorker({ ...env, ...extraEnv });
    children.push(first);
    // The worker says it is alive once its OCR has loaded and it takes letters.
    await until('the first worker is up', async () => (await client.zcard('offercheck:workers')) === 1, 120_000, 100);
    app = await buildApp({ settings: testSettings({ ...env, ...extraEnv, OCR_WORKERS: '0' }) });
    const body = multipartBody([
      { name: 'file', value: fixture('ocr/png-clean-01.png'), filename: 'photo.png', contentType: 'image/png' },
      { name: 'file', value: TEXT_LETTER, filename: 'letter.txt', contentType: 'text/plain' },
    ]);
    const accepted = await app.inject({ method: 'POST', url: '/v1/batches', headers: body.headers, payload: body.payload });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { id } = accepted.json();

    // The text letter is read in milliseconds, the photo in a second or more: kill while only the photo is under way.
    await until('the text letter is checked and the photo is being read', async () => {
      if ((await client.llen('offercheck:ocr:active')) !== 1) return false;
      return (await app!.inject({ method: 'GET', url: `/v1/batches/${id}` })).json().items[1].status === 'done';
    });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const halfway = (await app.inject({ method: 'GET', url: `/v1/batches/${id}` })).json();
    expect(halfway.items[0].status).toBe('pending');

    await inProcessWorker(extraEnv);
    let batch = halfway;
    await until(
      'the batch is done',
      async () => {
        batch = (await app!.inject({ method: 'GET', url: `/v1/batches/${id}` })).json();
        return batch.status === 'done';
      },
      120_000,
      200,
    );
    return batch;
  }

  it('another worker takes the letter up and the batch completes', async () => {
    const batch = await killMidLetter();
    expect(batch.summary).toMatchObject({ total: 2, done: 2, failed: 0 });
    expect(batch.items[0]).toMatchObject({ filename: 'photo.png', status: 'done' });
    expect(batch.items[0].report.document.textSource).toBe('ocr');
    expect(batch.items[1]).toMatchObject({ filename: 'letter.txt', status: 'done' });
  });

  it('past JOB_STALL_RETRIES deaths the letter is recorded as a problem, not lost and not tried for ever', async () => {
    const batch = await killMidLetter({ JOB_STALL_RETRIES: '0' });
    expect(batch.summary).toMatchObject({ total: 2, done: 2, failed: 1 });
    expect(batch.items[0]).toMatchObject({ filename: 'photo.png', status: 'failed' });
    expect(batch.items[0].problem).toMatchObject({ code: 'INTERNAL_ERROR', status: 500, detail: expect.stringMatching(/stopped before it finished \(1 of them/) });
    expect(batch.items[1].status).toBe('done');
  });
});
