import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { PREFIX, PRIORITY, QUEUES, type LetterQueue } from './fleetKeys.js';

/** A letter of a batch: where it is (its batch and place); the letter itself is sealed in the batch's letters hash. */
export interface BatchLetterJob {
  batchId: string;
  index: number;
  /** The POST's request id, for the problem of a letter that could not be checked. */
  requestId: string;
}

/** A single letter a student waits for (POST /v1/validate); its job id names its sealed bytes and outcome. */
export interface SingleLetterJob {
  /** Epoch ms after which nobody waits for the answer: a worker that takes the job up later drops it. */
  deadlineAt: number;
  requestId: string;
}

export interface CallbackJob {
  batchId: string;
}

export type LetterJob = BatchLetterJob | SingleLetterJob;

/**
 * Failed letter and callback jobs are kept this long for an operator to look at (BullMQ's own
 * tools), then go; they hold ids and the failure's reason, never a letter.
 */
const KEEP_FAILED = { age: 24 * 3600, count: 1000 };

/** A batch letter's job: retried twice if the worker's own writes fail (Redis away), beside the stall retries. */
export function batchLetterJobOptions(batchId: string, index: number): JobsOptions {
  return {
    jobId: `${batchId}-${index}`,
    priority: PRIORITY.batch,
    attempts: 3,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: KEEP_FAILED,
  };
}

/** A single letter's job: one try (its student is waiting), gone as soon as it is answered. */
export function singleLetterJobOptions(jobId: string): JobsOptions {
  return { jobId, priority: PRIORITY.single, attempts: 1, removeOnComplete: true, removeOnFail: true };
}

/** The callback of a finished batch: CALLBACK_ATTEMPTS tries, waiting as callbackDelayMs says between them. */
export function callbackJobOptions(batchId: string, attempts: number): JobsOptions {
  return { jobId: `callback-${batchId}`, attempts, backoff: { type: 'callback' }, removeOnComplete: true, removeOnFail: KEEP_FAILED };
}

export interface FleetQueues {
  letters: Record<LetterQueue, Queue<LetterJob>>;
  callbacks: Queue<CallbackJob>;
  close(): Promise<void>;
}

/** The fleet's queues, for adding jobs and reading their counts, over a connection the caller owns. */
export function openQueues(connection: Redis): FleetQueues {
  const options = { connection, prefix: PREFIX };
  const letters = {
    [QUEUES.read]: new Queue<LetterJob>(QUEUES.read, options),
    [QUEUES.ocr]: new Queue<LetterJob>(QUEUES.ocr, options),
  };
  const callbacks = new Queue<CallbackJob>(QUEUES.callbacks, options);
  return {
    letters,
    callbacks,
    close: async () => {
      await Promise.all([...Object.values(letters), callbacks].map((queue) => queue.close()));
    },
  };
}
