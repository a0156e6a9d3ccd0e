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
    callback: z
      .object({ url: z.string(), status: z.enum(['pending', 'delivered', 'failed']), attempts: z.number().int() })
      .nullable(),
    items: z.array(BatchItem),
  })
  .meta({ id: 'Batch' });
export type Batch = z.infer<typeof Batch>;
