import { z } from 'zod';
import { ElementName } from '../report/index.js';

const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD, e.g. "01-06"')
  .meta({ description: 'A day of the year, MM-DD.' });

const Level = z.enum(['warning', 'error']);

/** The numbers and switches a profile's rules read. Every field has a default, so a file names only what differs. */
export const ProfileRulesSchema = z
  .object({
    fullTimeHoursAbove: z
      .number()
      .positive()
      .default(20)
      .meta({ description: 'More hours a week than this is full-time CPT (a warning: 12 months of full-time CPT ends OPT eligibility).' }),
    termBreaks: z
      .array(z.object({ start: MonthDay, end: MonthDay }).strict())
      .default([{ start: '05-01', end: '08-31' }])
      .meta({
        description:
          'The breaks between school terms (default: summer, May 1 to August 31). Full-time CPT that falls entirely within one is noted (info); during the term it is a warning. A program window (requireWindow) counts as a break too.',
      }),
    maxHoursPerWeek: z
      .number()
      .positive()
      .default(60)
      .meta({ description: 'More hours a week than this, or 0, is not believable for a student position (an error).' }),
    minHoursPerWeek: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .meta({ description: 'Fewer hours a week than this fails the program (co-op: 20); null: no minimum.' }),
    unpaid: Level.default('warning').meta({ description: 'How an unpaid position is flagged: a warning, or an error where the program requires pay.' }),
    minimumWageHourly: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .meta({ description: 'Pay per hour below this is flagged; null: the MINIMUM_WAGE_HOURLY setting (federal $7.25).' }),
    belowMinimumWage: Level.default('warning').meta({ description: 'How pay below the minimum wage is flagged.' }),
    durationMonths: z
      .object({ min: z.number().positive(), max: z.number().positive() })
      .refine((d) => d.min <= d.max, { message: 'min must not exceed max' })
      .nullable()
      .default(null)
      .meta({ description: 'Allowed length from start to end in calendar months (co-op: 4 to 9); null: any length.' }),
    window: z
      .object({ start: MonthDay, end: MonthDay })
      .nullable()
      .default(null)
      .meta({ description: 'The days of the year the work must fall within (micro-internships); null with requireWindow: the MICRO_INTERNSHIP_WINDOW_* settings.' }),
    requireWindow: z.boolean().default(false).meta({ description: 'Whether start and end dates must fall inside `window`.' }),
    authorizationReminder: z
      .boolean()
      .default(false)
      .meta({ description: 'Remind the student that CPT must be authorized before the start date (short programs that start soon after the offer).' }),
    maxLetterAgeMonths: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .meta({ description: "The letter's date may be at most this many months before the day checked; null: any age." }),
    endAfterGraduation: Level.default('warning').meta({
      description: 'How an end date after the graduation date the caller gives is flagged (CPT ends with the program).',
    }),
    requireGraduationDate: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether to note when the caller gave no graduation date to check the end date against.' }),
    typedSignature: z
      .enum(['accept', 'warning', 'error'])
      .default('accept')
      .meta({ description: 'How a typed name with no drawn, scanned or electronic signature is treated.' }),
    supervisorContact: z
      .boolean()
      .default(false)
      .meta({ description: "Whether the supervisor's email or phone must be given beside the name." }),
  })
  .strict()
  .meta({ id: 'ProfileRules', description: "The numbers a profile's rules use." });

/**
 * A school's checklist as data: which elements it requires and the numbers its rules use.
 * Built-in profiles live in ./profiles; an operator adds more as JSON or YAML files (PROFILES_DIR).
 */
export const ProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes').max(64),
    name: z.string().min(1),
    description: z.string().min(1),
    requires: z
      .array(ElementName)
      .min(1)
      .refine((list) => new Set(list).size === list.length, { message: 'an element is listed twice' })
      .meta({ description: 'The elements a letter must state to be complete under this profile.' }),
    rules: ProfileRulesSchema.prefault({}),
  })
  .strict();

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
export type ProfileRules = Profile['rules'];

/**
 * What an operator's file may say: a whole profile, or `extends` a known one and name only what
 * differs (rules merge field by field over the base's; `requires` replaces the base list when
 * given). The merged result is then checked against ProfileSchema, so rule fields are validated there.
 */
export const ProfileFileSchema = z
  .object({
    id: ProfileSchema.shape.id,
    extends: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
    requires: z.array(z.unknown()).optional(),
    rules: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type ProfileFile = z.infer<typeof ProfileFileSchema>;
