import { ProcessingTimeoutError } from '../../report/errors.js';
import { FairQueue } from './fairQueue.js';

export interface PoolWorker {
  terminate(): Promise<unknown>;
}

export interface WorkerPoolOptions<W extends PoolWorker> {
  size: number;
  /** Starts one worker (loads the engine and model); called at start-up and to replace a worker. */
  startWorker: () => Promise<W>;
  /** A page still running after this long has its worker terminated and replaced. */
  pageTimeoutMs: number;
  /** Told about workers replaced or failing to start; never given letter text. */
  onEvent?: (event: PoolEvent) => void;
}

export type PoolEvent =
  | { type: 'worker_replaced'; reason: 'timeout' }
  | { type: 'worker_start_failed'; message: string; retryInMs: number };

export interface RunOptions {
  /** Pages with the same key belong to one document; documents take turns (see FairQueue). */
  key?: unknown;
  /** Aborted when the request has given up: its pages still waiting are dropped. */
  signal?: AbortSignal;
}

interface Job<W, T> {
  task: (worker: W) => Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
  key: unknown;
  signal?: AbortSignal;
  onAbort?: () => void;
  /** It ran beside another task of its document. */
  shared?: boolean;
}

interface Slot<W> {
  worker: W | null;
  busy: boolean;
  /** Its current task and when that started; null while it has none. */
  job: Job<W, unknown> | null;
  runningSince: number | null;
}

export interface PoolStats {
  size: number;
  busy: number;
  queued: number;
  /** Workers started since creation, replacements included: stays at `size` unless a page timed out. */
  workersStarted: number;
  workersReplaced: number;
  /**
   * Milliseconds a page has been taking one worker lately, smoothed; null before the first. A task
   * that ran beside another of its document (an idle pool reads a page as two halves on two
   * workers, splitPage) counts twice its time: it held its worker for half a page.
   */
  msPerTask: number | null;
  /** How long the task running longest has been running (0 when none is): a page under way slower than msPerTask. */
  longestRunningMs: number;
}

const RESTART_DELAY_MS = 2000;

/**
 * A fixed set of long-lived workers, started once and reused for every page of every request.
 * A page that overruns its time limit costs its worker (terminated, a fresh one takes the slot)
 * and fails with PROCESSING_TIMEOUT; the process and the other workers carry on.
 */
export class WorkerPool<W extends PoolWorker> {
  private readonly slots: Slot<W>[] = [];
  private readonly queue = new FairQueue<Job<W, unknown>>();
  private readonly started: Promise<void>;
  private closed = false;
  private workersStarted = 0;
  private workersReplaced = 0;
  private msPerTask: number | null = null;

  constructor(private readonly options: WorkerPoolOptions<W>) {
    if (options.size < 1) throw new Error('A worker pool needs at least one worker.');
    for (let i = 0; i < options.size; i++) this.slots.push({ worker: null, busy: true, job: null, runningSince: null });
    this.started = Promise.all(this.slots.map((slot) => this.fill(slot, true))).then(() => undefined);
    // Readiness reports a failed start; keep it from also surfacing as an unhandled rejection.
    this.started.catch(() => undefined);
  }

  /** Resolves once every worker has loaded; rejects if one could not start. */
  ready(): Promise<void> {
    return this.started;
  }

  stats(): PoolStats {
    return {
      size: this.slots.length,
      busy: this.slots.filter((s) => s.busy).length,
      queued: this.queue.size,
      workersStarted: this.workersStarted,
      workersReplaced: this.workersReplaced,
      msPerTask: this.msPerTask,
      longestRunningMs: Math.max(0, ...this.slots.map((s) => (s.runningSince === null ? 0 : Date.now() - s.runningSince))),
    };
  }

  run<T>(task: (worker: W) => Promise<T>, options: RunOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The OCR service is shut down.'));
    return new Promise<T>((resolve, reject) => {
      const job: Job<W, T> = { task, resolve, reject, key: options.key ?? Symbol('page'), signal: options.signal };
      if (job.signal?.aborted) return reject(abortReason(job.signal));
      if (job.signal) {
        job.onAbort = () => {
          if (this.queue.remove(job.key, job as Job<W, unknown>)) reject(abortReason(job.signal as AbortSignal));
        };
        job.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job.key, job as Job<W, unknown>);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (let job = this.queue.shift(); job; job = this.queue.shift()) job.reject(new Error('The OCR service is shut down.'));
    await this.started.catch(() => undefined);
    await Promise.all(this.slots.map((slot) => slot.worker?.terminate().catch(() => undefined)));
    for (const slot of this.slots) slot.worker = null;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || !slot.worker || this.queue.size === 0) continue;
      const job = this.queue.shift() as Job<W, unknown>;
      this.execute(slot, job);
    }
  }

  private execute(slot: Slot<W>, job: Job<W, unknown>): void {
    slot.busy = true;
    const worker = slot.worker as W;
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      job.reject(new ProcessingTimeoutError(`One page took longer than ${seconds(this.options.pageTimeoutMs)} s to read.`));
      // A stuck recognition cannot be interrupted: the worker goes, a fresh one takes its place.
      this.workersReplaced += 1;
      this.options.onEvent?.({ type: 'worker_replaced', reason: 'timeout' });
      slot.worker = null;
      worker.terminate().catch(() => undefined);
      void this.fill(slot, false).catch(() => undefined);
    }, this.options.pageTimeoutMs);
    const started = Date.now();
    for (const other of this.slots) {
      if (other.job && other.job.key === job.key) other.job.shared = job.shared = true;
    }
    slot.job = job;
    slot.runningSince = started;
    job.task(worker).then(
      (value) => {
        if (timedOut) return;
        clearTimeout(timer);
        // What admission by deadline multiplies the queue by (src/http/admission/ocrDeadline.ts).
        const took = (Date.now() - started) * (job.shared ? 2 : 1);
        this.msPerTask = this.msPerTask === null ? took : this.msPerTask * 0.8 + took * 0.2;
        job.resolve(value);
        this.release(slot);
      },
      (error) => {
        if (timedOut) return;
        clearTimeout(timer);
        job.reject(error);
        this.release(slot);
      },
    );
  }

  private release(slot: Slot<W>): void {
    slot.busy = false;
    slot.job = null;
    slot.runningSince = null;
    this.dispatch();
  }

  /** Starts a worker into the slot; after start-up, keeps retrying so that a slot is never lost. */
  private async fill(slot: Slot<W>, initial: boolean): Promise<void> {
    slot.busy = true;
    slot.worker = null;
    for (;;) {
      if (this.closed) return;
      try {
        const worker = await this.options.startWorker();
        this.workersStarted += 1;
        if (this.closed) {
          await worker.terminate().catch(() => undefined);
          return;
        }
        slot.worker = worker;
        this.release(slot);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (initial) throw error;
        this.options.onEvent?.({ type: 'worker_start_failed', message, retryInMs: RESTART_DELAY_MS });
        await new Promise((r) => setTimeout(r, RESTART_DELAY_MS).unref());
      }
    }
  }
}

function seconds(ms: number): string {
  return ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new ProcessingTimeoutError('The request was given up before this page was read.');
}
