import { randomUUID } from 'node:crypto';
import { Worker, type Job } from 'bullmq';
import type { FastifyError } from 'fastify';
import type { Redis } from 'ioredis';
import type { Checker } from '../checker.js';
import type { Settings } from '../config/settings.js';
import type { PoolStatsForBacklog } from '../http/admission/ocrDeadline.js';
import type { LetterOutcome } from '../http/batches/batchStore.js';
import { afterAttempt, callbackDelayMs, postCallback } from '../http/batches/deliverCallback.js';
import { problemBody, problemOf } from '../http/plugins/problemDetails.js';
import { startHeartbeat } from './fleetCapacity.js';
import { JOB_NAMES, PREFIX, QUEUES, type LetterQueue } from './fleetKeys.js';
import { callbackJobOptions, openQueues, type BatchLetterJob, type CallbackJob, type LetterJob, type SingleLetterJob } from './fleetQueues.js';
import type { JobCipher } from './jobCipher.js';
import type { Letter } from './letterEnvelope.js';
import { batchStoreLimits } from '../http/batches/batchStore.js';
import { RedisBatchStore } from './redisBatchStore.js';
import { SingleLetterStore } from './singleLetters.js';

export interface WorkerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface FleetWorkerOptions {
  settings: Settings;
  /** This process's checker, with its own reader and OCR pools (createChecker). */
  checker: Checker;
  /** Its OCR pool, whose measured time per page the heartbeat reports; null without OCR (OCR_WORKERS=0). */
  ocrPool: { stats(): PoolStatsForBacklog } | null;
  /** A worker connection (connectRedis(url, 'worker')): it waits out a Redis restart. */
  redis: Redis;
  cipher: JobCipher;
  log: WorkerLogger;
}

export interface FleetWorker {
  id: string;
  /** Takes no new letters, lets the ones under way finish (their outcomes recorded), then stops. */
  close(): Promise<void>;
}

/** Callbacks POSTed at once by one worker: each mostly waits on the receiver. */
const CALLBACK_CONCURRENCY = 4;

/**
 * One worker of the fleet (`npm run worker`): takes letters from the read and OCR queues (a
 * student's first, then batches' letters), checks each with this process's checker, records the
 * outcome in Redis, and delivers finished batches' callbacks. A worker killed while checking a
 * letter leaves it locked for JOB_LOCK_MS; then another worker takes it up, JOB_STALL_RETRIES
 * times at most, after which the letter is recorded as a problem (nothing is silently lost).
 */
export async function startFleetWorker({ settings, checker, ocrPool, redis, cipher, log }: FleetWorkerOptions): Promise<FleetWorker> {
  const id = randomUUID();
  const store = new RedisBatchStore(redis, cipher, batchStoreLimits(settings));
  const singles = new SingleLetterStore(redis, cipher);
  const queues = openQueues(redis);
  const ocrSlots = settings.OCR_WORKERS;
  const readSlots = Math.max(2, settings.READER_WORKERS * 2);

  async function checkLetter(letter: Letter, instance: string, requestId: string): Promise<LetterOutcome> {
    try {
      return { report: await checker.checkCase(letter.documents, letter.options) };
    } catch (error) {
      return { problem: problemOf(error as FastifyError, instance, requestId) };
    }
  }

  async function processSingle(job: Job<SingleLetterJob>): Promise<void> {
    const jobId = job.id!;
    // Nobody waits any more: the API has answered PROCESSING_TIMEOUT.
    if (Date.now() >= job.data.deadlineAt) {
      await singles.drop(jobId);
      return;
    }
    const letter = await singles.take(jobId);
    if (!letter) return;
    const outcome = await checkLetter(letter, '/v1/validate', job.data.requestId);
    await singles.answer(jobId, outcome);
  }

  async function processBatchLetter(job: Job<BatchLetterJob>): Promise<void> {
    const { batchId, index, requestId } = job.data;
    // null: already recorded (a letter taken up again after its outcome was saved), or the batch has expired.
    const letter = await store.takeLetter(batchId, index);
    if (!letter) return;
    const outcome = await checkLetter(letter, `/v1/batches/${batchId}`, requestId);
    if ((await store.recordOutcome(batchId, index, outcome)) === 'finished') await batchFinished(batchId);
  }

  async function batchFinished(batchId: string): Promise<void> {
    const batch = await store.getForDelivery(batchId);
    if (!batch) return;
    log.info({ batch: batchId, total: batch.summary.total, failed: batch.summary.failed }, 'batch checked');
    if (batch.callback) await queues.callbacks.add(JOB_NAMES.callback, { batchId }, callbackJobOptions(batchId, settings.CALLBACK_ATTEMPTS));
  }

  /** A letter given up on (its workers died JOB_STALL_RETRIES + 1 times, or its outcome could not be saved): recorded as a problem. */
  async function giveUp(job: Job<LetterJob>, error: Error): Promise<void> {
    const stalled = /stalled more than allowable limit/.test(error.message);
    const detail = stalled
      ? `The worker checking this letter stopped before it finished (${settings.JOB_STALL_RETRIES + 1} of them, one after another); send it again, and if the same happens, the letter may be one the service cannot read.`
      : 'The letter could not be checked because the service could not store its result; send it again.';
    if (job.name === JOB_NAMES.singleLetter) {
      await singles.answer(job.id!, { problem: problemBody('INTERNAL_ERROR', detail, '/v1/validate', (job.data as SingleLetterJob).requestId) });
      return;
    }
    const { batchId, index, requestId } = job.data as BatchLetterJob;
    const outcome = { problem: problemBody('INTERNAL_ERROR', detail, `/v1/batches/${batchId}`, requestId) };
    if ((await store.recordOutcome(batchId, index, outcome)) === 'finished') await batchFinished(batchId);
  }

  function letterWorker(queue: LetterQueue, concurrency: number): Worker<LetterJob> {
    const worker = new Worker<LetterJob>(
      queue,
      async (job) => {
        await (job.name === JOB_NAMES.singleLetter ? processSingle(job as Job<SingleLetterJob>) : processBatchLetter(job as Job<BatchLetterJob>));
      },
      {
        connection: redis,
        prefix: PREFIX,
        concurrency,
        lockDuration: settings.JOB_LOCK_MS,
        stalledInterval: settings.JOB_LOCK_MS,
        maxStalledCount: settings.JOB_STALL_RETRIES,
      },
    );
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      log.warn({ queue, job: job.id, attempts: job.attemptsMade, final, reason: error.message.slice(0, 200) }, 'letter job failed');
      if (final) void giveUp(job, error).catch((e: Error) => log.error({ job: job.id, err: { message: e.message } }, 'could not record a letter given up on'));
    });
    worker.on('error', (error) => log.warn({ queue, err: { message: error.message } }, 'worker error'));
    return worker;
  }

  const callbackWorker = new Worker<CallbackJob>(
    QUEUES.callbacks,
    async (job) => {
      const batch = await store.getForDelivery(job.data.batchId);
      if (!batch?.callback || batch.callback.status !== 'pending') return;
      const result = await postCallback(batch.callback.url, JSON.stringify(batch), { secret: settings.CALLBACK_SECRET });
      const state = afterAttempt(batch.callback, result, Date.now(), settings.CALLBACK_BACKOFF_MS);
      await store.recordCallback(batch.id, state);
      log.info({ batch: batch.id, callback: state.status, attempts: state.attempts }, 'batch callback');
      // BullMQ waits as callbackDelayMs says, then tries again.
      if (state.status === 'pending') throw new Error(`callback not delivered (${result.error})`);
    },
    {
      connection: redis,
      prefix: PREFIX,
      concurrency: CALLBACK_CONCURRENCY,
      lockDuration: settings.JOB_LOCK_MS,
      stalledInterval: settings.JOB_LOCK_MS,
      maxStalledCount: settings.JOB_STALL_RETRIES,
      settings: { backoffStrategy: (attemptsMade: number) => callbackDelayMs(attemptsMade, settings.CALLBACK_BACKOFF_MS) },
    },
  );
  callbackWorker.on('failed', (job, error) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    // Spent by stalls rather than by answers: the batch must not show a delivery still pending for ever.
    void (async () => {
      const batch = await store.getForDelivery(job.data.batchId);
      if (batch?.callback?.status === 'pending') await store.recordCallback(batch.id, { ...batch.callback, status: 'failed', nextAttemptAt: null, lastError: batch.callback.lastError ?? 'worker stopped' });
    })().catch((e: Error) => log.error({ job: job.id, err: { message: e.message } }, 'could not record a callback given up on'));
    log.warn({ job: job.id, reason: error.message.slice(0, 200) }, 'callback given up');
  });
  callbackWorker.on('error', (error) => log.warn({ queue: QUEUES.callbacks, err: { message: error.message } }, 'worker error'));

  const workers = [letterWorker(QUEUES.read, readSlots), ...(ocrSlots > 0 ? [letterWorker(QUEUES.ocr, ocrSlots)] : []), callbackWorker];
  const heartbeat = startHeartbeat(redis, id, {
    ocrSlots,
    msPerPage: () => ocrPool?.stats().msPerTask ?? null,
    longestRunningMs: () => ocrPool?.stats().longestRunningMs ?? 0,
  });
  log.info({ worker: id, readSlots, ocrSlots }, 'worker taking letters');

  return {
    id,
    async close() {
      await heartbeat.stop();
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
    },
  };
}
