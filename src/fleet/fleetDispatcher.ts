import { ocrPageCount } from '../ingest/ocrPageCount.js';
import { OverloadedError } from '../report/errors.js';
import type { BatchDispatcher, BatchJob } from '../http/batches/batchDispatcher.js';
import { JOB_NAMES, QUEUES } from './fleetKeys.js';
import { batchLetterJobOptions, type FleetQueues } from './fleetQueues.js';
import type { RedisBatchStore } from './redisBatchStore.js';

/**
 * Hands an accepted batch to the fleet: its letters, sealed, into the batch's letters hash, and one
 * job per letter into the read or OCR queue. The 202 goes out only after that, so an accepted batch
 * is one the workers will check even if this process stops the next moment; the letters' places in
 * this process's queue are freed as soon as they are in Redis.
 */
export class FleetDispatcher implements BatchDispatcher {
  readonly size = 0;

  constructor(
    private readonly store: RedisBatchStore,
    private readonly queues: FleetQueues,
    private readonly maxPages: number,
  ) {}

  async dispatch({ batch, letters, options, ticket, requestId }: BatchJob): Promise<void> {
    try {
      await this.store.putLetters(
        batch.id,
        letters.map((letter) => ({ documents: [{ bytes: letter.bytes, declaredType: letter.declaredType, fileName: letter.filename }], options })),
      );
      const jobs = letters.map((letter, index) => ({
        queue: ocrPageCount(letter.bytes, this.maxPages) > 0 ? QUEUES.ocr : QUEUES.read,
        job: { name: JOB_NAMES.batchLetter, data: { batchId: batch.id, index, requestId }, opts: batchLetterJobOptions(batch.id, index) },
      }));
      for (const queue of [QUEUES.read, QUEUES.ocr] as const) {
        const mine = jobs.filter((j) => j.queue === queue).map((j) => j.job);
        if (mine.length > 0) await this.queues.letters[queue].addBulk(mine);
      }
    } catch {
      await this.store.discard(batch.id).catch(() => undefined);
      throw new OverloadedError('The batch could not be queued for checking (the job store is unreachable); send it again in a moment.');
    } finally {
      ticket.releaseAll();
    }
  }

  /** Nothing to finish here: the letters are in Redis, and the workers finish them. */
  async drain(): Promise<void> {}
}
