import { z } from 'zod';
import { Problem } from './problem.js';
import { Report, Verdict } from './report.js';

export const BatchItem = z
  .object({
    index: z.number().int().min(0),
    filename: z.string().nullable(),
    status: z.enum(['pending', 'done', 'failed']),
    verdict: Verdict.nullable(),
    report: Report.nullable(),
    problem: Problem.nullable().meta({ description: 'Why this letter could not be checked (same codes as POST /v1/validate).' }),
  })
  .meta({ id: 'BatchItem' });
export type BatchItem = z.infer<typeof BatchItem>;

export const BatchCallback = z
  .object({
    url: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']).meta({
      description: 'pending: not delivered yet (the batch is still being checked, or a retry is due); delivered: answered with a 2xx; failed: every attempt was refused or went unanswered.',
    }),
    attempts: z.number().int().meta({ description: 'POSTs made so far.' }),
    maxAttempts: z.number().int().meta({ description: 'POSTs that will be made at most (CALLBACK_ATTEMPTS).' }),
    lastAttemptAt: z.string().nullable().meta({ description: 'ISO 8601 time of the last POST.' }),
    lastError: z
      .string()
      .nullable()
      .meta({ description: 'Why the last POST did not deliver: "HTTP <status>", "timeout" or "connection failed"; null once delivered.' }),
    nextAttemptAt: z.string().nullable().meta({ description: 'ISO 8601 time of the next POST while a retry is due (the wait doubles each time).' }),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'BatchCallback', description: 'Where the finished batch is POSTed, signed, and how that delivery stands.' });
export type BatchCallback = z.infer<typeof BatchCallback>;

export const Batch = z
  .object({
    id: z.string(),
    status: z.enum(['pending', 'done']),
    createdAt: z.string().meta({ description: 'ISO 8601 time the batch was accepted.' }),
    expiresAt: z.string().meta({ description: 'After this time the batch and its reports are forgotten.' }),
    summary: z.object({
      total: z.number().int(),
      done: z.number().int(),
      failed: z.number().int(),
      complete: z.number().int(),
      incomplete: z.number().int(),
      needs_review: z.number().int(),
    }),
    callback: BatchCallback.nullable(),
    items: z.array(BatchItem),
  })
  .meta({ id: 'Batch' });
export type Batch = z.infer<typeof Batch>;
