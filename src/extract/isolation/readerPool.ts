import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  DocumentTooComplexError,
  DocumentUnreadableError,
  InternalError,
  OverloadedError,
  ProcessingTimeoutError,
  problemErrorFor,
} from './readerErrors.js';
import type { FoundElements } from '../../fields/findElements.js';
import type { Letter } from '../../fields/letter.js';
import type { DocumentReaders, ReadResult, ReadTask, WorkerReply, WorkerTask } from './readerProtocol.js';

export interface ReaderPoolOptions {
  /** Worker threads reading documents at once (READER_WORKERS). */
  workers: number;
  /** V8 old-generation heap of each worker (READER_MEMORY_MB); past it the worker dies, the service does not. */
  memoryMb: number;
  /** The watchdog: a task still running after this is ended with its worker, which is replaced. */
  taskTimeoutMs: number;
  /** A worker is replaced after this many documents, returning whatever its heap has kept. */
  maxTasksPerWorker?: number;
  /** A worker idle this long is ended; the next document starts a fresh one. */
  idleTimeoutMs?: number;
  /**
   * Resident size of the whole process (MAX_RSS_MB) past which the task running longest is ended:
   * the heap cap does not see buffers outside the heap (decoded streams, rendered pages).
   */
  maxRssBytes?: number;
}

export interface ReaderPoolStats {
  workers: number;
  busy: number;
  queued: number;
  /** Workers ended by the watchdog, a crash or the memory cap (not by recycling). */
  replaced: number;
}

interface Job {
  id: number;
  task: WorkerTask;
  resolve(result: unknown): void;
  reject(error: Error): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
  tasksDone: number;
  /** When the current task was handed to the worker; the memory watchdog ends the oldest first. */
  since: number;
  ready: boolean;
  /** Resolved when the worker has loaded and listens (or has died trying). */
  started: Promise<void>;
  markStarted: () => void;
}

const require = createRequire(import.meta.url);
// From the TypeScript sources (tests, tsx) the worker compiles its own modules with tsx; from dist it is plain JS.
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

function startWorker(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.max(8, Math.round(memoryMb / 8)), stackSizeMb: 4 };
  // stdout/stderr are captured and dropped: a parser's console warnings may quote the document.
  const common = { resourceLimits, stdout: true, stderr: true } as const;
  if (!RUNNING_FROM_SOURCE) return new Worker(new URL('./readerWorker.js', import.meta.url), common);
  // The ESM build of tsx's API: its CommonJS twin registers hooks by a path that does not resolve.
  const tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./readerWorker.ts', import.meta.url).href;
  // Source maps off: with them on (tsx's default) Node keeps pdf.js's multi-megabyte maps in the
  // worker's heap, ~150 MB that the memory cap would count against the document.
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); process.setSourceMapsEnabled(false); return import(${JSON.stringify(entry)}); })`;
  // TSX_DISABLE_CACHE: tsx would otherwise write compiled files under the temp folder.
  return new Worker(bootstrap, { ...common, eval: true, env: { ...process.env, TSX_DISABLE_CACHE: '1' } });
}

/**
 * The document readers in worker threads. Each worker has a memory cap (resourceLimits), each task
 * a watchdog: a document that loops or balloons ends its worker, the request gets a problem answer,
 * and a fresh worker takes the next document. Tasks wait in a FIFO queue; its length is bounded
 * by the HTTP layer's admission control (MAX_QUEUE), not here.
 */
export class ReaderPool implements DocumentReaders {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private replacedCount = 0;
  private closing = false;
  private drained: (() => void) | null = null;
  private consecutiveStartFailures = 0;
  private memoryWatch: NodeJS.Timeout | null = null;
  private lastMemoryKill = 0;

  constructor(private readonly options: ReaderPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.workers) }, () => ({
      worker: null,
      job: null,
      timer: null,
      idleTimer: null,
      tasksDone: 0,
      since: 0,
      ready: false,
      started: Promise.resolve(),
      markStarted: () => undefined,
    }));
  }

  read(task: ReadTask, options: { signal?: AbortSignal } = {}): Promise<ReadResult> {
    return this.run<ReadResult>(task, options);
  }

  findElements(letter: Letter, options: { signal?: AbortSignal } = {}): Promise<FoundElements> {
    return this.run<FoundElements>({ kind: 'fields', letter }, options);
  }

  private run<T>(task: WorkerTask, { signal }: { signal?: AbortSignal }): Promise<T> {
    if (this.closing) return Promise.reject(new OverloadedError('The service is shutting down; send the letter again in a moment.'));
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, resolve: resolve as (result: unknown) => void, reject, signal };
      if (signal) {
        job.onAbort = () => this.abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Starts every worker and waits until each has loaded its modules (readiness waits on this). */
  async warm(): Promise<void> {
    for (const slot of this.slots) if (!slot.worker) this.spawn(slot);
    await Promise.all(this.slots.map((slot) => slot.started));
  }

  /** In-flight and queued documents are finished first; then every worker ends. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.queue.length > 0 || this.slots.some((s) => s.job)) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    }
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
  }

  stats(): ReaderPoolStats {
    return {
      workers: this.slots.filter((s) => s.worker).length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      replaced: this.replacedCount,
    };
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      if (!slot.worker) this.spawn(slot);
      this.start(slot, job);
    }
    if (this.closing && this.queue.length === 0 && this.slots.every((s) => !s.job) && this.drained) {
      this.drained();
      this.drained = null;
    }
  }

  private spawn(slot: Slot): void {
    const worker = startWorker(this.options.memoryMb);
    slot.worker = worker;
    slot.ready = false;
    slot.tasksDone = 0;
    slot.started = new Promise<void>((resolve) => {
      slot.markStarted = resolve;
    });
    worker.stdout.resume();
    worker.stderr.resume();
    worker.unref();
    worker.on('message', (message: WorkerReply | { ready: true }) => {
      if (slot.worker !== worker) return;
      if ('ready' in message) {
        slot.ready = true;
        slot.markStarted();
        this.consecutiveStartFailures = 0;
        if (slot.job) this.armWatchdog(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      this.finish(slot, job);
      if (message.ok) job.resolve(message.result);
      else job.reject(problemErrorFor(message.error.code, message.error.message));
      slot.tasksDone += 1;
      if (slot.tasksDone >= (this.options.maxTasksPerWorker ?? 500)) void this.retire(slot);
      else this.idle(slot);
      this.dispatch();
    });
    const failed = (error: Error | null) => {
      if (slot.worker !== worker) return;
      const job = slot.job;
      const started = slot.ready;
      slot.worker = null;
      slot.ready = false;
      slot.markStarted();
      if (!started) this.consecutiveStartFailures += 1;
      if (job) {
        this.finish(slot, job);
        this.replacedCount += 1;
        job.reject(crashError(error, started));
      }
      if (this.consecutiveStartFailures >= 3) this.failQueued();
      else if (started) this.replace(slot);
      this.dispatch();
    };
    worker.on('error', failed);
    worker.on('exit', () => failed(null));
  }

  private start(slot: Slot, job: Job): void {
    const worker = slot.worker!;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.job = job;
    slot.since = Date.now();
    worker.ref();
    this.watchMemory();
    // The watchdog measures the document, not the worker's start-up: a fresh worker arms it once loaded.
    if (slot.ready) this.armWatchdog(slot);
    if (job.task.kind === 'fields') {
      worker.postMessage({ id: job.id, task: job.task });
      return;
    }
    // A copy the worker can own: the caller's Buffer may be a slice of a shared pool.
    const bytes = new Uint8Array(job.task.bytes);
    worker.postMessage({ id: job.id, task: { ...job.task, bytes } }, [bytes.buffer]);
  }

  /** Polls the process's resident size while documents are being read; cheap (one syscall), 10 times a second. */
  private watchMemory(): void {
    const max = this.options.maxRssBytes;
    if (!max || this.memoryWatch) return;
    this.memoryWatch = setInterval(() => {
      const busy = this.slots.filter((s) => s.job);
      if (busy.length === 0) {
        clearInterval(this.memoryWatch!);
        this.memoryWatch = null;
        return;
      }
      // After an ending, give the freed buffers a moment to leave before blaming the next document.
      if (process.memoryUsage.rss() <= max || Date.now() - this.lastMemoryKill < 500) return;
      const oldest = busy.reduce((a, b) => (a.since <= b.since ? a : b));
      this.lastMemoryKill = Date.now();
      this.kill(oldest, new DocumentTooComplexError('Reading the document needed more memory than a letter ever does. Export it again from the original, or send a PDF.'));
    }, 100);
    this.memoryWatch.unref();
  }

  private armWatchdog(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      this.kill(slot, new ProcessingTimeoutError(`Reading the document took longer than ${Math.round(this.options.taskTimeoutMs / 1000)} s.`));
    }, this.options.taskTimeoutMs);
  }

  private finish(slot: Slot, job: Job): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker?.unref();
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
  }

  /** The watchdog and abort path: end the worker mid-task; its slot gets a fresh one on the next dispatch. */
  private kill(slot: Slot, reason: Error): void {
    const job = slot.job;
    const worker = slot.worker;
    if (!job || !worker) return;
    this.finish(slot, job);
    slot.worker = null;
    slot.ready = false;
    slot.markStarted();
    this.replacedCount += 1;
    void worker.terminate();
    job.reject(reason);
    this.replace(slot);
    this.dispatch();
  }

  /** A worker lost to a crash or the watchdog is replaced at once, so the next document does not wait for its start. */
  private replace(slot: Slot): void {
    if (!this.closing && !slot.worker) this.spawn(slot);
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(abortReason(job.signal!));
      this.dispatch();
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) this.kill(slot, abortReason(job.signal!));
  }

  private idle(slot: Slot): void {
    const idleMs = this.options.idleTimeoutMs ?? 60_000;
    if (!slot.worker || idleMs <= 0) return;
    slot.idleTimer = setTimeout(() => {
      if (!slot.job) void this.retire(slot);
    }, idleMs);
    slot.idleTimer.unref();
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = false;
    slot.markStarted();
    if (worker) await worker.terminate();
  }

  private failQueued(): void {
    const error = new InternalError('The document readers could not start.');
    for (const job of this.queue.splice(0)) {
      if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
      job.reject(error);
    }
    this.consecutiveStartFailures = 0;
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new ProcessingTimeoutError('Reading the document was stopped.');
}

function crashError(error: Error | null, started: boolean): Error {
  if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new DocumentTooComplexError('Reading the document needed more memory than a letter ever does. Export it again from the original, or send a PDF.');
  }
  if (!started) return new InternalError('The document reader could not start.');
  return new DocumentUnreadableError('The document could not be read. It may be damaged; export it again from the original.');
}
