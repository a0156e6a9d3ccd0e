import type { ChildProcess } from 'node:child_process';
import {
  DocumentTooComplexError,
  DocumentUnreadableError,
  NotReadyError,
  OverloadedError,
  ProcessingTimeoutError,
  problemErrorFor,
} from './readerErrors.js';
import type { FoundElements } from '../fields/findElements.js';
import type { Letter } from '../fields/letter.js';
import type { DocumentReaders, ReadersReadiness, ReaderReply, ReaderTask, ReadResult, ReadTask } from './readerProtocol.js';
import { residentBytes } from './residentBytes.js';
import { startReaderChild } from './startReaderChild.js';

const MiB = 1024 * 1024;

export interface ReaderPoolOptions {
  /** Child processes reading documents at once (READER_WORKERS), all started ahead of the first letter. */
  workers: number;
  /** V8 heap cap of each child (READER_MEMORY_MB); past it the child dies, the service does not. */
  memoryMb: number;
  /**
   * Resident size of one child (READER_RSS_MB), read from /proc while it reads: past it the child is
   * killed and the letter answered DOCUMENT_TOO_COMPLEX. The heap cap does not see native memory
   * (pdf.js's decoded images and rendered pages, libvips' pixels); this does.
   */
  rssCeilingMb: number;
  /** A task still running after this is ended with its child, which is replaced. */
  taskTimeoutMs: number;
  /** A child is replaced after reading this many documents (READER_MAX_TASKS), returning whatever its allocators kept. */
  maxTasksPerChild?: number;
  /** A child still this large once a task is done is replaced too; by default 60% of the ceiling. */
  recycleRssMb?: number;
  /** How often a busy child's RSS is read. */
  pollMs?: number;
  /** Told when a child is ended, replaced or cannot start; never given document content. */
  onEvent?: (event: ReaderEvent) => void;
}

export type ReaderEvent =
  | { type: 'reader_ended'; reason: 'memory' | 'heap' | 'timeout' | 'abort' | 'crash'; rssMb: number | null }
  | { type: 'reader_recycled'; reason: 'tasks' | 'rss'; rssMb: number | null }
  | { type: 'reader_start_failed'; exit: string; retryInMs: number };

export interface ReaderPoolStats {
  /** Children alive (started or starting). */
  workers: number;
  /** Children loaded and able to take a letter at once. */
  ready: number;
  /** Children still loading, successors of worn children included. */
  starting: number;
  /** Children started since the pool was made. */
  started: number;
  /** Tasks handed to children since the pool was made (a text letter's read and field detection are one). */
  tasks: number;
  busy: number;
  queued: number;
  /** Children ended mid-task by the memory ceiling, the heap cap, the deadline, an abort or a crash. */
  replaced: number;
  /** Children replaced between tasks, after READER_MAX_TASKS documents or past the recycling size. */
  recycled: number;
  /** The largest resident size a child reached while reading, in MB. */
  peakRssMb: number;
}

interface Job {
  id: number;
  task: ReaderTask;
  resolve(result: unknown): void;
  reject(error: Error): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  child: ChildProcess | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  tasksDone: number;
  ready: boolean;
  /** Resolved when the child has loaded and listens (or has died trying). */
  started: Promise<void>;
  markStarted: () => void;
  restartTimer: NodeJS.Timeout | null;
  /** The child that takes over when this one is recycled: started beforehand, so no letter waits for it. */
  successor: ChildProcess | null;
  successorReady: boolean;
}

// A child that dies before it is ready is started again after 0.5, 1, 2, ... 30 s.
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;
// After this many starts in a row fail, the readers are not ready and waiting letters are refused.
const FAILED_STARTS_NOT_READY = 3;

/**
 * The document readers in child processes, after Apache Tika's forked parser. Whatever a document
 * makes a parser allocate, JavaScript or native, goes back to the system when its child ends:
 * - each child has a V8 heap cap, and a ceiling on its resident size that this process enforces by
 *   reading the child's RSS while it works; past either the child is killed and the letter answered
 *   DOCUMENT_TOO_COMPLEX;
 * - each task has a deadline (PROCESSING_TIMEOUT) and is stopped when its request gives up;
 * - a child is replaced after READER_MAX_TASKS documents, or when it stays large after one, by a
 *   successor started beforehand;
 * - a child ended mid-task is replaced at once; all are started ahead of the first letter.
 * Tasks wait in a FIFO queue; its length is bounded by the HTTP layer's admission (MAX_QUEUE).
 */
export class ReaderPool implements DocumentReaders {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private replacedCount = 0;
  private recycledCount = 0;
  private startedCount = 0;
  private taskCount = 0;
  private peakRss = 0;
  private closing = false;
  private drained: (() => void) | null = null;
  private failedStarts = 0;
  private memoryWatch: NodeJS.Timeout | null = null;
  /**
   * Elements a child found with the document it read, by the first page object it sent back; used
   * once. Weakly held: a letter that failed after its read (no text, too long) leaves nothing behind.
   */
  private readonly foundAhead = new WeakMap<object, FoundAhead>();

  constructor(private readonly options: ReaderPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.workers) }, () => ({
      child: null,
      job: null,
      timer: null,
      tasksDone: 0,
      ready: false,
      started: Promise.resolve(),
      markStarted: () => undefined,
      restartTimer: null,
      successor: null,
      successorReady: false,
    }));
  }

  read(task: ReadTask, options: { signal?: AbortSignal } = {}): Promise<ReadResult> {
    return this.run<ReadResult>(task, options).then(withBufferScans);
  }

  findElements(letter: Letter, options: { signal?: AbortSignal } = {}): Promise<FoundElements> {
    const first = letter.pages[0];
    const found = first ? this.foundAhead.get(first) : undefined;
    if (found && sameLetter(found, letter) && !options.signal?.aborted) {
      this.foundAhead.delete(first);
      return Promise.resolve(found.elements);
    }
    return this.run<FoundElements>({ kind: 'fields', letter }, options);
  }

  /** Starts every child and waits until each has loaded its parsers (or failed to). */
  async warm(): Promise<void> {
    for (const slot of this.slots) if (!slot.child && !slot.restartTimer) this.spawn(slot);
    await Promise.all(this.slots.map((slot) => slot.started));
  }

  /** In-flight and queued documents are finished first; then every child ends. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.queue.length > 0 || this.slots.some((s) => s.job)) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    }
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
  }

  /** Not ready when no child can start: the service could not read a letter now. */
  readiness(): ReadersReadiness {
    if (this.closing) return { ready: false, reason: 'The document readers are shutting down.' };
    if (this.failedStarts >= FAILED_STARTS_NOT_READY) return { ready: false, reason: `The document readers could not start (${this.failedStarts} attempts in a row).` };
    return { ready: true };
  }

  stats(): ReaderPoolStats {
    return {
      workers: this.slots.filter((s) => s.child).length,
      ready: this.slots.filter((s) => s.child && s.ready).length,
      starting: this.slots.filter((s) => s.child && !s.ready).length + this.slots.filter((s) => s.successor && !s.successorReady).length,
      started: this.startedCount,
      tasks: this.taskCount,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      replaced: this.replacedCount,
      recycled: this.recycledCount,
      peakRssMb: Math.round(this.peakRss / MiB),
    };
  }

  private run<T>(task: ReaderTask, { signal }: { signal?: AbortSignal }): Promise<T> {
    if (this.closing) return Promise.reject(new OverloadedError('The service is shutting down; send the letter again in a moment.'));
    if (this.failedStarts >= FAILED_STARTS_NOT_READY) return Promise.reject(cannotStart());
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

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.job || slot.restartTimer) continue;
      if (!slot.child) this.spawn(slot);
      this.start(slot, this.queue.shift()!);
    }
    if (this.closing && this.queue.length === 0 && this.slots.every((s) => !s.job) && this.drained) {
      this.drained();
      this.drained = null;
    }
  }

  /** A new child for the slot, which waits for its 'ready' before it takes a task. */
  private spawn(slot: Slot): void {
    slot.child = this.launch(slot);
    slot.ready = false;
    slot.tasksDone = 0;
    slot.started = new Promise<void>((resolve) => {
      slot.markStarted = resolve;
    });
  }

  private launch(slot: Slot): ChildProcess {
    const child = startReaderChild({ memoryMb: this.options.memoryMb });
    this.startedCount += 1;
    // Held open while it starts (whoever warms the pool waits for it), then only while it works.
    busy(child);
    child.on('message', (message: ReaderReply) => this.received(slot, child, message));
    child.on('exit', (code, signal) => this.ended(slot, child, code, signal));
    // 'error' without a process means it could not be started ('exit' may never come); otherwise a
    // failed send to a child that is ending, which its 'exit' settles.
    child.on('error', () => {
      if (child.pid === undefined) this.ended(slot, child, null, null);
    });
    return child;
  }

  private received(slot: Slot, child: ChildProcess, message: ReaderReply): void {
    if (child === slot.successor) {
      if (!('ready' in message)) return;
      slot.successorReady = true;
      this.failedStarts = 0;
      idle(child);
      if (!slot.job) this.promoteSuccessor(slot);
      return;
    }
    if (slot.child !== child) return;
    if ('ready' in message) {
      slot.ready = true;
      slot.markStarted();
      this.failedStarts = 0;
      if (slot.job) this.send(slot, slot.job);
      else idle(child);
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    this.finish(slot, job);
    if (message.ok && message.elements) this.keepFoundAhead(message.result as ReadResult, message.elements);
    if (message.ok) job.resolve(message.result);
    else job.reject(problemErrorFor(message.error.code, message.error.message));
    if (job.task.kind !== 'fields') slot.tasksDone += 1;
    this.recycleIfWorn(slot);
    this.dispatch();
  }

  /** Kept for the findElements call that follows the read, given the very pages the read returned. */
  private keepFoundAhead(result: ReadResult, elements: FoundElements): void {
    const pages = result.pages.map((p) => p.page);
    if (pages[0]) this.foundAhead.set(pages[0], { pages, email: result.email, elements });
  }

  private ended(slot: Slot, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child === slot.successor) {
      // A successor that died starting: the slot keeps its child, and the next task's end tries again.
      if (!slot.successorReady) this.failedStarts += 1;
      slot.successor = null;
      slot.successorReady = false;
      return;
    }
    if (slot.child !== child) return; // ended here, on purpose, and already replaced
    const job = slot.job;
    const wasReady = slot.ready;
    slot.child = null;
    slot.ready = false;
    slot.markStarted();
    if (!wasReady) {
      this.startFailed(slot, signal ?? `code ${code}`);
      if (job) this.requeue(slot, job);
      return;
    }
    if (job) {
      this.finish(slot, job);
      this.replacedCount += 1;
      // V8 aborts when the heap cap is reached; the kernel's OOM killer sends SIGKILL.
      const reason = signal === 'SIGABRT' || code === 134 ? 'heap' : signal === 'SIGKILL' ? 'memory' : 'crash';
      this.options.onEvent?.({ type: 'reader_ended', reason, rssMb: null });
      job.reject(reason === 'crash' ? new DocumentUnreadableError('The document could not be read. It may be damaged; export it again from the original.') : tooComplex());
    }
    this.replace(slot);
    this.dispatch();
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    busy(slot.child!);
    this.watchMemory();
    // A starting child gets the task once it has loaded: the deadline measures the document, not the start.
    if (slot.ready) this.send(slot, job);
  }

  private send(slot: Slot, job: Job): void {
    this.taskCount += 1;
    this.armDeadline(slot);
    slot.child!.send({ id: job.id, task: job.task });
  }

  /**
   * Reads the RSS of every busy child, 20 times a second by default (one small read of /proc each):
   * a child past the ceiling is killed at once and its letter answered DOCUMENT_TOO_COMPLEX.
   */
  private watchMemory(): void {
    if (this.memoryWatch) return;
    const ceiling = this.options.rssCeilingMb * MiB;
    this.memoryWatch = setInterval(() => {
      const busySlots = this.slots.filter((s) => s.job && s.child?.pid);
      if (busySlots.length === 0) {
        clearInterval(this.memoryWatch!);
        this.memoryWatch = null;
        return;
      }
      for (const slot of busySlots) {
        const rss = residentBytes(slot.child!.pid!);
        if (rss === null) continue;
        this.peakRss = Math.max(this.peakRss, rss);
        if (rss > ceiling) {
          this.options.onEvent?.({ type: 'reader_ended', reason: 'memory', rssMb: Math.round(rss / MiB) });
          this.kill(slot, tooComplex());
        }
      }
    }, this.options.pollMs ?? 50);
    this.memoryWatch.unref();
  }

  private armDeadline(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      this.options.onEvent?.({ type: 'reader_ended', reason: 'timeout', rssMb: null });
      this.kill(slot, new ProcessingTimeoutError(`Reading the document took longer than ${Math.round(this.options.taskTimeoutMs / 1000)} s.`));
    }, this.options.taskTimeoutMs);
  }

  private finish(slot: Slot, job: Job): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (slot.child) idle(slot.child);
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
  }

  /** The ceiling, the deadline and the abort path: end the child mid-task and start its successor at once. */
  private kill(slot: Slot, reason: Error): void {
    const job = slot.job;
    const child = slot.child;
    if (!job || !child) return;
    this.finish(slot, job);
    slot.child = null;
    slot.ready = false;
    slot.markStarted();
    this.replacedCount += 1;
    child.kill('SIGKILL');
    job.reject(reason);
    this.replace(slot);
    this.dispatch();
  }

  /**
   * After a task: a child that has read READER_MAX_TASKS documents, or stays large, is replaced. Its
   * successor starts first and takes over once ready, so no letter waits for the start.
   */
  private recycleIfWorn(slot: Slot): void {
    const child = slot.child;
    if (!child?.pid || this.closing) return;
    if (slot.successorReady) return this.promoteSuccessor(slot);
    if (slot.successor) return;
    const rss = residentBytes(child.pid);
    const limit = (this.options.recycleRssMb ?? this.options.rssCeilingMb * 0.6) * MiB;
    const reason = slot.tasksDone >= (this.options.maxTasksPerChild ?? 1000) ? 'tasks' : rss !== null && rss > limit ? 'rss' : null;
    if (!reason) return;
    this.recycledCount += 1;
    this.options.onEvent?.({ type: 'reader_recycled', reason, rssMb: rss === null ? null : Math.round(rss / MiB) });
    slot.successor = this.launch(slot);
    slot.successorReady = false;
  }

  /** The slot's idle child ends and its ready successor takes its place. */
  private promoteSuccessor(slot: Slot): void {
    const old = slot.child;
    slot.child = slot.successor;
    slot.ready = true;
    slot.tasksDone = 0;
    slot.successor = null;
    slot.successorReady = false;
    old?.kill('SIGKILL');
    this.dispatch();
  }

  /** A child lost mid-task is replaced at once: by its successor if one is starting, else by a new child. */
  private replace(slot: Slot): void {
    if (this.closing || slot.child || slot.restartTimer) return;
    if (!slot.successor) return this.spawn(slot);
    slot.child = slot.successor;
    slot.ready = slot.successorReady;
    slot.tasksDone = 0;
    slot.successor = null;
    slot.successorReady = false;
    slot.started = slot.ready
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          slot.markStarted = resolve;
        });
  }

  /** A child that died while loading: try again later, and after three in a row say the readers are not ready. */
  private startFailed(slot: Slot, exit: string): void {
    this.failedStarts += 1;
    const retryInMs = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failedStarts - 1));
    this.options.onEvent?.({ type: 'reader_start_failed', exit, retryInMs });
    if (this.failedStarts >= FAILED_STARTS_NOT_READY) {
      for (const job of this.queue.splice(0)) this.fail(job, cannotStart());
    }
    if (this.closing) return;
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = null;
      this.replace(slot);
      this.dispatch();
    }, retryInMs);
    slot.restartTimer.unref();
  }

  /** A task given to a child that never started goes back to the front of the queue, or fails when none can start. */
  private requeue(slot: Slot, job: Job): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (this.failedStarts >= FAILED_STARTS_NOT_READY || this.closing) this.fail(job, cannotStart());
    else this.queue.unshift(job);
    this.dispatch();
  }

  private fail(job: Job, error: Error): void {
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    job.reject(error);
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
    if (!slot) return;
    // The request gave up (its deadline, or its client left): the child is still on the document.
    this.options.onEvent?.({ type: 'reader_ended', reason: 'abort', rssMb: null });
    this.kill(slot, abortReason(job.signal!));
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.restartTimer) clearTimeout(slot.restartTimer);
    slot.restartTimer = null;
    slot.successor?.kill('SIGKILL');
    slot.successor = null;
    slot.successorReady = false;
    const child = slot.child;
    slot.child = null;
    slot.ready = false;
    slot.markStarted();
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Held open until it has gone, so that whoever awaits close() sees it go.
    child.ref();
    child.kill('SIGKILL');
    await exited;
  }
}

interface FoundAhead extends Letter {
  elements: FoundElements;
}

/**
 * The letter asked about is the one the child read: the same page objects and envelope, unchanged
 * since the read (pages OCR replaced are new objects). Identity, not content: nothing is hashed.
 */
function sameLetter(found: Letter, letter: Letter): boolean {
  return found.email === letter.email && found.pages.length === letter.pages.length && found.pages.every((p, i) => p === letter.pages[i]);
}

/** An idle child does not keep this process alive; a busy one does, until its answer is in. */
function idle(child: ChildProcess): void {
  child.unref();
  child.channel?.unref();
}

function busy(child: ChildProcess): void {
  child.ref();
  child.channel?.ref();
}

/** Prepared pages cross the process boundary as Uint8Arrays; sharp and the OCR engine take Buffers. */
function withBufferScans(result: ReadResult): ReadResult {
  for (const page of result.pages) {
    const png = page.scan?.png as Uint8Array | undefined;
    if (page.scan && png && !Buffer.isBuffer(png)) page.scan.png = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  }
  return result;
}

function tooComplex(): Error {
  return new DocumentTooComplexError('Reading the document needed more memory than a letter ever does. Export it again from the original, or send a PDF.');
}

function cannotStart(): Error {
  return new NotReadyError('The document readers could not start; the service cannot check letters now. Try again in a minute.');
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new ProcessingTimeoutError('Reading the document was stopped.');
}
