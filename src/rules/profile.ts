import { z } from 'zod';
import { ElementName } from '../report/index.js';

const MonthDay = z.string().regex(/^\d{2}-\d{2}$/, 'expected MM-DD');

/**
 * A school's checklist as data: which elements it requires and the numbers its rules use.
 * Built-in profiles live in ./profiles; an operator adds more as JSON or YAML files (PROFILES_DIR).
 */
export const ProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    description: z.string().min(1),
    requires: z.array(ElementName).min(1),
    rules: z
      .object({
        /** More hours a week than this during term is full-time CPT. */
        fullTimeHoursAbove: z.number().positive().default(20),
        /** Hours a week at or above this are not believable for a student position. */
        maxHoursPerWeek: z.number().positive().default(60),
        /** Unpaid positions: a warning for CPT, an error where the program requires pay. */
        unpaid: z.enum(['warning', 'error']).default('warning'),
        /** Hourly pay below this is flagged; null uses the MINIMUM_WAGE_HOURLY setting. */
        minimumWageHourly: z.number().positive().nullable().default(null),
        belowMinimumWage: z.enum(['warning', 'error']).default('warning'),
        durationMonths: z.object({ min: z.number().positive(), max: z.number().positive() }).nullable().default(null),
        minHoursPerWeek: z.number().positive().nullable().default(null),
        /** A fixed window for the dates (micro-internships); null uses the MICRO_INTERNSHIP_WINDOW_* settings when `window` is true. */
        window: z.object({ start: MonthDay, end: MonthDay }).nullable().default(null),
        requireWindow: z.boolean().default(false),
        maxLetterAgeMonths: z.number().positive().nullable().default(null),
        endByGraduation: z.boolean().default(false),
        /** A typed name under the closing is not a signature at this school. */
        typedSignatureIsError: z.boolean().default(false),
      })
      .default({
        fullTimeHoursAbove: 20,
        maxHoursPerWeek: 60,
        unpaid: 'warning',
        minimumWageHourly: null,
        belowMinimumWage: 'warning',
        durationMonths: null,
        minHoursPerWeek: null,
        window: null,
        requireWindow: false,
        maxLetterAgeMonths: null,
        endByGraduation: false,
        typedSignatureIsError: false,
      }),
  })
  .strict();

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
