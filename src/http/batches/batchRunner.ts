import type { FastifyBaseLogger, FastifyError } from 'fastify';
import type { CheckOptions, Checker } from '../../checker.js';
import type { Batch } from '../../report/index.js';
import type { CheckTicket } from '../admission/checkAdmission.js';
import { problemOf } from '../plugins/problemDetails.js';
import type { UploadedFile } from '../readUpload.js';
import type { BatchStore } from './batchStore.js';
import { deliverCallback } from './deliverCallback.js';

export interface BatchJob {
  batch: Batch;
  letters: UploadedFile[];
  options: CheckOptions;
  /** The letters' places in the check queue, released one by one as each is checked. */
  ticket: CheckTicket;
  requestId: string;
  log: FastifyBaseLogger;
}

/**
 * Checks admitted batches after their 202, one letter after another so that a batch never takes
 * more than its share of the readers and the OCR pool. Each letter keeps its place in the check
 * queue, and its bytes in memory, until it has been checked. The runner knows every batch it is
 * running, so that shutdown can wait for them and for their callbacks.
 */
export class BatchRunner {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly store: BatchStore,
    private readonly checker: Checker,
    private readonly callbackSecret: string,
  ) {}

  start(job: BatchJob): void {
    const run = this.run(job)
      .catch((error: Error) => job.log.error({ batch: job.batch.id, err: { type: error.name, message: error.message } }, 'batch failed'))
      .finally(() => {
        job.ticket.releaseAll();
        this.running.delete(run);
      });
    this.running.add(run);
  }

  /** Resolves once every batch started so far has been checked and its callback delivered or given up on. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  get size(): number {
    return this.running.size;
  }

  private async run({ batch, letters, options, ticket, requestId, log }: BatchJob): Promise<void> {
    const instance = `/v1/batches/${batch.id}`;
    let current = batch;
    for (const [index, letter] of letters.entries()) {
      try {
        const report = await this.checker.check(letter.bytes, { ...options, declaredType: letter.declaredType, fileName: letter.filename });
        current = await this.store.record(batch.id, index, { report });
      } catch (error) {
        current = await this.store.record(batch.id, index, { problem: problemOf(error as FastifyError, instance, requestId) });
      } finally {
        // The letter is checked: its bytes and its place in the queue go.
        letters[index] = { ...letter, bytes: Buffer.alloc(0) };
        ticket.releaseOne();
      }
    }
    log.info({ batch: batch.id, total: current.summary.total, failed: current.summary.failed }, 'batch checked');
    if (current.callback) {
      const result = await deliverCallback(current.callback.url, current, { secret: this.callbackSecret });
      await this.store.recordCallback(batch.id, { ...current.callback, status: result.delivered ? 'delivered' : 'failed', attempts: result.attempts });
      log.info({ batch: batch.id, delivered: result.delivered, attempts: result.attempts }, 'batch callback');
    }
  }
}
