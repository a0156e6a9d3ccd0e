import { z } from 'zod';
import { IsoDate } from './values.js';

/**
 * Options of POST /v1/validate: multipart text fields, or query parameters with a raw body.
 * Snake case on the wire, like the report.
 */
export const ValidateOptions = z
  .object({
    student_name: z.string().trim().min(1).max(200).optional().meta({ description: 'The name the caller expects on the letter.' }),
    profile: z.string().trim().min(1).max(64).optional().meta({ description: 'Profile id (GET /v1/profiles); default cpt, or the one `program` names.' }),
    program: z.enum(['cpt', 'coop', 'micro-internship']).optional(),
    employer: z.string().trim().min(1).max(200).optional().meta({ description: 'The employer the caller expects.' }),
    start_date: IsoDate.optional(),
    end_date: IsoDate.optional(),
    graduation_date: IsoDate.optional(),
    submission_date: IsoDate.optional().meta({
      description: 'The day the CPT request goes to the office; profiles that need the start some business days later count from it (default: the day checked).',
    }),
    term_end_date: IsoDate.optional().meta({ description: 'The last day of the term; profiles that ask check that the position ends by it.' }),
  })
  .strict()
  .meta({ id: 'ValidateOptions' });
export type ValidateOptions = z.infer<typeof ValidateOptions>;
