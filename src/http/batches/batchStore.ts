import { randomUUID } from 'node:crypto';
import type { Batch, BatchItem, Problem, Report } from '../../report/index.js';

export interface BatchStoreLimits {
  maxBatches: number;
  ttlMs: number;
}

/**
 * Batches live in memory only (uploads never touch the disk) and are forgotten after their TTL.
 * The store is bounded by count; the letters' bytes are dropped as soon as each is checked,
 * so what it holds is the reports alone.
 */
export class BatchStore {
  private readonly batches = new Map<string, Batch>();

  constructor(
    private readonly limits: BatchStoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** null when the store is full: the caller answers 503 rather than growing memory. */
  create(filenames: (string | null)[], callbackUrl: string | null): Batch | null {
    this.sweep();
    if (this.batches.size >= this.limits.maxBatches) return null;
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
    this.batches.set(batch.id, batch);
    return batch;
  }

  get(id: string): Batch | undefined {
    this.sweep();
    return this.batches.get(id);
  }

  recordReport(batch: Batch, index: number, report: Report): void {
    this.settle(batch, batch.items[index], { status: 'done', verdict: report.verdict, report });
    batch.summary[report.verdict] += 1;
  }

  recordProblem(batch: Batch, index: number, problem: Problem): void {
    this.settle(batch, batch.items[index], { status: 'failed', problem });
  }

  private settle(batch: Batch, item: BatchItem, update: Partial<BatchItem>): void {
    Object.assign(item, update);
    batch.summary.done = batch.items.filter((i) => i.status !== 'pending').length;
    batch.summary.failed = batch.items.filter((i) => i.status === 'failed').length;
    if (batch.summary.done === batch.summary.total) batch.status = 'done';
  }

  /** Drops expired batches; called on every access, so no timer keeps the process alive. */
  sweep(): void {
    const now = this.now();
    for (const [id, batch] of this.batches) if (Date.parse(batch.expiresAt) <= now) this.batches.delete(id);
  }
}
