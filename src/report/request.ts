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
  })
  .strict()
  .meta({ id: 'ValidateOptions' });
export type ValidateOptions = z.infer<typeof ValidateOptions>;
