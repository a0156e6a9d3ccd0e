import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CaseDocumentInput, Checker } from '../checker.js';
import { ocrPageCount } from '../ingest/ocrPageCount.js';
import type { Report } from '../report/index.js';
import { OverloadedError, ProcessingTimeoutError, problemErrorFor } from '../report/errors.js';
import type { Profile } from '../rules/profile.js';
import { JOB_NAMES, keys, QUEUES } from './fleetKeys.js';
import { singleLetterJobOptions, type FleetQueues } from './fleetQueues.js';
import type { Letter } from './letterEnvelope.js';
import type { SingleLetterStore } from './singleLetters.js';

export interface FleetCheckerOptions {
  /** Publishes and reads (the API's command connection). */
  redis: Redis;
  /** A connection of its own that only listens for answers (pub/sub takes a connection over). */
  subscriber: Redis;
  queues: FleetQueues;
  singles: SingleLetterStore;
  profiles: Map<string, Profile>;
  /** REQUEST_TIMEOUT_MS: the letter is answered within it, waiting in the queue included. */
  deadlineMs: number;
  maxPages: number;
}

/**
 * The checker the API uses with the fleet: a letter (or a student's case of documents, as one job:
 * they are judged together) is sent to the workers (read or OCR queue, before every batch letter)
 * and its answer awaited within the request's deadline. Past the deadline the student gets
 * PROCESSING_TIMEOUT and the letter is withdrawn: deleted if no worker has taken it up
 * yet, dropped unread by the worker that would. A problem the worker found (an unreadable file, an
 * unknown profile) is answered as if it had been found here.
 */
export async function createFleetChecker(options: FleetCheckerOptions): Promise<Checker> {
  const { redis, subscriber, queues, singles, deadlineMs } = options;
  const waiting = new Map<string, () => void>();
  let closing = false;
  subscriber.on('message', (_channel: string, jobId: string) => waiting.get(jobId)?.());
  await subscriber.subscribe(keys.singleDone());

  async function checkCase(documents: CaseDocumentInput[], checkOptions: Parameters<Checker['checkCase']>[1] = {}): Promise<Report> {
    if (closing) throw new OverloadedError('The service is shutting down; send the letter again in a moment.');
    const jobId = randomUUID();
    const deadlineAt = Date.now() + deadlineMs;
    const queue = documents.some((d) => ocrPageCount(d.bytes, options.maxPages) > 0) ? QUEUES.ocr : QUEUES.read;
    const letter: Letter = {
      documents: documents.map((d) => ({ bytes: Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength), declaredType: d.declaredType ?? null, fileName: d.fileName ?? null })),
      options: checkOptions,
    };
    const answered = new Promise<void>((resolve) => waiting.set(jobId, resolve));
    try {
      await singles.put(jobId, letter, deadlineMs);
      await queues.letters[queue].add(JOB_NAMES.singleLetter, { deadlineAt, requestId: jobId }, singleLetterJobOptions(jobId));
    } catch {
      waiting.delete(jobId);
      await singles.drop(jobId).catch(() => undefined);
      throw new OverloadedError('The letter could not be queued for checking (the job store is unreachable); send it again in a moment.');
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), deadlineAt - Date.now())));
    try {
      await Promise.race([answered, deadline]);
      // A message missed while the subscriber reconnected still finds its answer here.
      const outcome = await singles.collect(jobId).catch(() => {
        throw new OverloadedError('The answer could not be collected (the job store does not answer); send the letter again in a moment.');
      });
      if (!outcome) {
        await Promise.all([singles.drop(jobId), queues.letters[queue].remove(jobId)]).catch(() => undefined);
        throw new ProcessingTimeoutError(`Reading the letter took longer than ${deadlineMs / 1000} s.`);
      }
      if ('report' in outcome) return outcome.report;
      throw problemErrorFor(outcome.problem.code, outcome.problem.detail ?? outcome.problem.title);
    } finally {
      clearTimeout(timer);
      waiting.delete(jobId);
    }
  }

  return {
    profiles: options.profiles,
    check(bytes, { declaredType, fileName, ...rest } = {}) {
      return checkCase([{ bytes, declaredType, fileName }], rest);
    },
    checkCase,
    /** Ready once Redis answers: the workers have their own readiness. */
    async ready() {
      await redis.ping();
    },
    // Readiness with the fleet is Redis's, asked by /readyz itself; here only shutting down counts.
    readiness: () => (closing ? { ready: false, reason: 'The service is shutting down.' } : { ready: true }),
    async warm() {},
    async close() {
      closing = true;
      // Letters in flight are answered by the workers or time out; nothing here holds them.
      while (waiting.size > 0) await new Promise((r) => setTimeout(r, 100));
      await subscriber.unsubscribe().catch(() => undefined);
    },
  };
}
