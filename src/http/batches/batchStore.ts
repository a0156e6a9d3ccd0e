import { randomUUID } from 'node:crypto';
import type { Batch, Problem, Report } from '../../report/index.js';

export interface NewBatch {
  /** The id of the API key that created it; null when the service has no keys (then anyone may read it). */
  owner: string | null;
  /** Who is counted for the per-key limit: the key, or the address without keys (routePolicy.clientOf). */
  client: string;
  filenames: (string | null)[];
  callbackUrl: string | null;
}

export type CreateBatchResult = { batch: Batch } | { refused: 'full' | 'client-full'; unfinished: number };

export type LetterOutcome = { report: Report } | { problem: Problem };

/**
 * Where batches live while they are checked and after. Kept this small (and asynchronous) so that a
 * shared store (Redis) can take the place of the in-memory one without touching the routes.
 */
export interface BatchStore {
  /** A new batch, or why not: too many unfinished batches overall, or for this client. */
  create(batch: NewBatch): Promise<CreateBatchResult>;
  /** The batch, if `requester` may see it: the key that created it, or anyone for a batch made without keys. */
  get(id: string, requester: string | null): Promise<Batch | undefined>;
  /** Records one letter's outcome and returns the batch as it now stands (`done` once every letter has one). */
  record(id: string, index: number, outcome: LetterOutcome): Promise<Batch>;
  recordCallback(id: string, callback: NonNullable<Batch['callback']>): Promise<void>;
}

export interface MemoryBatchStoreLimits {
  /** MAX_BATCHES: unfinished batches at once, all clients together. */
  maxUnfinished: number;
  /** MAX_BATCHES_PER_KEY: unfinished batches at once for one client. */
  maxUnfinishedPerClient: number;
  /** BATCH_TTL_SECONDS, from the moment a batch is finished. */
  ttlMs: number;
  /** BATCH_MEMORY_MB in bytes: finished batches, measured as their JSON, all together. */
  finishedBytes: number;
}

interface Entry {
  batch: Batch;
  owner: string | null;
  client: string;
  /** Size of the finished batch's JSON; 0 while it is being checked. */
  bytes: number;
}

/**
 * Batches in memory only (uploads never touch the disk). Only unfinished batches count against the
 * limits, so that finished ones waiting to be fetched never block anyone's next batch. Finished
 * batches are kept for their TTL within a memory budget, the oldest finished dropped first when a
 * new one would not fit. Letters' bytes are never here: only the reports.
 */
export class MemoryBatchStore implements BatchStore {
  private readonly entries = new Map<string, Entry>();
  /** Finished batches in the order they finished: the first is the first to go. */
  private readonly finished = new Set<string>();
  private finishedBytes = 0;

  constructor(
    private readonly limits: MemoryBatchStoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async create({ owner, client, filenames, callbackUrl }: NewBatch): Promise<CreateBatchResult> {
    this.sweep();
    const unfinished = [...this.entries.values()].filter((e) => e.batch.status !== 'done');
    if (unfinished.length >= this.limits.maxUnfinished) return { refused: 'full', unfinished: unfinished.length };
    const mine = unfinished.filter((e) => e.client === client).length;
    if (mine >= this.limits.maxUnfinishedPerClient) return { refused: 'client-full', unfinished: mine };
    const created = this.now();
    const batch: Batch = {
      id: randomUUID(),
      status: 'pending',
      createdAt: new Date(created).toISOString(),
      expiresAt: new Date(created + this.limits.ttlMs).toISOString(),
      summary: { total: filenames.length, done: 0, failed: 0, complete: 0, incomplete: 0, needs_review: 0 },
      callback: callbackUrl ? { url: callbackUrl, status: 'pending', attempts: 0 } : null,
      items: filenames.map((filename, index) => ({ index, filename, status: 'pending', verdict: null, report: null, problem: null })),
    };
    this.entries.set(batch.id, { batch, owner, client, bytes: 0 });
    return { batch };
  }

  async get(id: string, requester: string | null): Promise<Batch | undefined> {
    this.sweep();
    const entry = this.entries.get(id);
    // Someone else's batch is answered exactly as one that does not exist.
    if (!entry || (entry.owner !== null && entry.owner !== requester)) return undefined;
    return entry.batch;
  }

  async record(id: string, index: number, outcome: LetterOutcome): Promise<Batch> {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`record: no batch ${id}`);
    const { batch } = entry;
    const item = batch.items[index];
    if ('report' in outcome) {
      Object.assign(item, { status: 'done', verdict: outcome.report.verdict, report: outcome.report });
      batch.summary[outcome.report.verdict] += 1;
    } else {
      Object.assign(item, { status: 'failed', problem: outcome.problem });
      batch.summary.failed += 1;
    }
    batch.summary.done += 1;
    if (batch.summary.done === batch.summary.total) this.finish(entry);
    return batch;
  }

  async recordCallback(id: string, callback: NonNullable<Batch['callback']>): Promise<void> {
    const entry = this.entries.get(id);
    if (entry) entry.batch.callback = callback;
  }

  private finish(entry: Entry): void {
    const finishedAt = this.now();
    entry.batch.status = 'done';
    entry.batch.expiresAt = new Date(finishedAt + this.limits.ttlMs).toISOString();
    entry.bytes = Buffer.byteLength(JSON.stringify(entry.batch));
    this.finished.add(entry.batch.id);
    this.finishedBytes += entry.bytes;
    for (const id of this.finished) {
      if (this.finishedBytes <= this.limits.finishedBytes) break;
      this.drop(id);
    }
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (this.finished.delete(id) && entry) this.finishedBytes -= entry.bytes;
  }

  /** Drops finished batches past their TTL; called on every access, so no timer keeps the process alive. */
  private sweep(): void {
    const now = this.now();
    for (const id of this.finished) {
      const entry = this.entries.get(id);
      if (entry && Date.parse(entry.batch.expiresAt) <= now) this.drop(id);
    }
  }
}
