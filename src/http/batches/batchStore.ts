import { randomUUID } from 'node:crypto';
import type { Settings } from '../../config/settings.js';
import type { Batch, BatchCallback, Problem, Report } from '../../report/index.js';
import { newCallbackState } from './deliverCallback.js';

export interface NewBatch {
  /** The id of the API key that created it; null when the service has no keys (then anyone may read it). */
  owner: string | null;
  /** Who is counted for the per-key limit: the key, or the address without keys (routePolicy.clientOf). */
  client: string;
  filenames: (string | null)[];
  callback: { url: string; maxAttempts: number } | null;
  /**
   * The request's Idempotency-Key (scoped to `client`) and a fingerprint of what it sent; null
   * without the header. A second request with the same key gets the batch the first one created.
   */
  idempotency: { key: string; fingerprint: string } | null;
}

export type CreateBatchResult =
  | { batch: Batch; replayed: boolean }
  | { refused: 'full' | 'client-full'; unfinished: number }
  /** The Idempotency-Key was used before for a request with other letters or options. */
  | { refused: 'idempotency-conflict' };

export type LetterOutcome = { report: Report } | { problem: Problem };

/**
 * Where batches live while they are checked and after: in this process's memory (MemoryBatchStore),
 * or in Redis for the fleet (src/fleet/redisBatchStore.ts). Kept this small, and asynchronous, so
 * that the routes do not know which.
 */
export interface BatchStore {
  /** A new batch, the one an earlier request with the same Idempotency-Key created, or why not. */
  create(batch: NewBatch): Promise<CreateBatchResult>;
  /** The batch, if `requester` may see it: the key that created it, or anyone for a batch made without keys. */
  get(id: string, requester: string | null): Promise<Batch | undefined>;
  /** Records one letter's outcome and returns the batch as it now stands (`done` once every letter has one). */
  record(id: string, index: number, outcome: LetterOutcome): Promise<Batch>;
  /** How the delivery of the finished batch to its callback URL stands. */
  recordCallback(id: string, callback: BatchCallback): Promise<void>;
}

/** The batch as accepted: every letter pending. */
export function newBatch(id: string, created: number, ttlMs: number, filenames: (string | null)[], callback: NewBatch['callback']): Batch {
  return {
    id,
    status: 'pending',
    createdAt: new Date(created).toISOString(),
    expiresAt: new Date(created + ttlMs).toISOString(),
    summary: { total: filenames.length, done: 0, failed: 0, complete: 0, incomplete: 0, needs_review: 0 },
    callback: callback ? newCallbackState(callback.url, callback.maxAttempts) : null,
    items: filenames.map((filename, index) => ({ index, filename, status: 'pending', verdict: null, report: null, problem: null })),
  };
}

export interface BatchStoreLimits {
  /** MAX_BATCHES: unfinished batches at once, all clients together. */
  maxUnfinished: number;
  /** MAX_BATCHES_PER_KEY: unfinished batches at once for one client. */
  maxUnfinishedPerClient: number;
  /** BATCH_TTL_SECONDS, from the moment a batch is finished (in Redis: from its last change). */
  ttlMs: number;
  /** BATCH_MEMORY_MB in bytes: finished batches, measured as their JSON (in Redis: their sealed reports), all together. */
  finishedBytes: number;
}

/** The batch limits the settings give, for either store. */
export function batchStoreLimits(settings: Pick<Settings, 'MAX_BATCHES' | 'MAX_BATCHES_PER_KEY' | 'BATCH_TTL_SECONDS' | 'BATCH_MEMORY_MB'>): BatchStoreLimits {
  return {
    maxUnfinished: settings.MAX_BATCHES,
    maxUnfinishedPerClient: settings.MAX_BATCHES_PER_KEY,
    ttlMs: settings.BATCH_TTL_SECONDS * 1000,
    finishedBytes: Math.floor(settings.BATCH_MEMORY_MB * 1024 * 1024),
  };
}

interface Entry {
  batch: Batch;
  owner: string | null;
  client: string;
  /** Its entry in `idempotent`, dropped with it. */
  idempotencyKey: string | null;
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
  /** client + Idempotency-Key -> the batch the first such request created, and what that request sent. */
  private readonly idempotent = new Map<string, { id: string; fingerprint: string }>();

  constructor(
    private readonly limits: BatchStoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async create({ owner, client, filenames, callback, idempotency }: NewBatch): Promise<CreateBatchResult> {
    this.sweep();
    const idempotencyKey = idempotency ? `${client}\n${idempotency.key}` : null;
    const earlier = idempotencyKey ? this.idempotent.get(idempotencyKey) : undefined;
    if (earlier && idempotency) {
      if (earlier.fingerprint !== idempotency.fingerprint) return { refused: 'idempotency-conflict' };
      const entry = this.entries.get(earlier.id);
      if (entry) return { batch: entry.batch, replayed: true };
    }
    const unfinished = [...this.entries.values()].filter((e) => e.batch.status !== 'done');
    if (unfinished.length >= this.limits.maxUnfinished) return { refused: 'full', unfinished: unfinished.length };
    const mine = unfinished.filter((e) => e.client === client).length;
    if (mine >= this.limits.maxUnfinishedPerClient) return { refused: 'client-full', unfinished: mine };
    const batch = newBatch(randomUUID(), this.now(), this.limits.ttlMs, filenames, callback);
    this.entries.set(batch.id, { batch, owner, client, bytes: 0, idempotencyKey });
    if (idempotencyKey && idempotency) this.idempotent.set(idempotencyKey, { id: batch.id, fingerprint: idempotency.fingerprint });
    return { batch, replayed: false };
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

  async recordCallback(id: string, callback: BatchCallback): Promise<void> {
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
    if (entry?.idempotencyKey) this.idempotent.delete(entry.idempotencyKey);
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
