import type { FastifyError } from 'fastify';
import type { Checker } from '../../checker.js';
import type { Batch } from '../../report/index.js';
import { problemOf } from '../plugins/problemDetails.js';
import type { BatchDispatcher, BatchJob } from './batchDispatcher.js';
import type { BatchStore } from './batchStore.js';
import { afterAttempt, callbackDelayMs, postCallback } from './deliverCallback.js';

export interface CallbackSettings {
  /** CALLBACK_SECRET: signs each body. */
  secret: string;
  /** CALLBACK_BACKOFF_MS: the first wait; it doubles after each failed attempt. */
  backoffMs: number;
}

/**
 * Checks admitted batches in this process, after their 202, one letter after another so that a
 * batch never takes more than its share of the readers and the OCR pool. Each letter keeps its
 * place in the check queue, and its bytes in memory, until it has been checked. Then the finished
 * batch is POSTed to its callback, retried with growing waits (CALLBACK_ATTEMPTS). The runner knows
 * every batch it is running, so that shutdown can wait for them: a callback then waiting for its
 * next attempt makes it at once, and is given up on if that fails too.
 */
export class BatchRunner implements BatchDispatcher {
  private readonly running = new Set<Promise<void>>();
  private readonly closing = new AbortController();

  constructor(
    private readonly store: BatchStore,
    private readonly checker: Checker,
    private readonly callbacks: CallbackSettings,
  ) {}

  async dispatch(job: BatchJob): Promise<void> {
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
    this.closing.abort();
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
    if (current.callback) await this.deliver(current, log);
  }

  private async deliver(batch: Batch, log: BatchJob['log']): Promise<void> {
    let state = batch.callback!;
    while (state.status === 'pending') {
      const giveUp = this.closing.signal.aborted;
      const result = await postCallback(state.url, JSON.stringify({ ...batch, callback: state }), { secret: this.callbacks.secret });
      state = afterAttempt(state, result, Date.now(), this.callbacks.backoffMs, giveUp);
      await this.store.recordCallback(batch.id, state);
      if (state.status === 'pending') await pause(callbackDelayMs(state.attempts, this.callbacks.backoffMs), this.closing.signal);
    }
    log.info({ batch: batch.id, callback: state.status, attempts: state.attempts }, 'batch callback');
  }
}

/** Waits `ms`, or less if `signal` is aborted (shutdown). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
