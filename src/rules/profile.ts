import { z } from 'zod';
import { ElementName } from '../report/index.js';

const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD, e.g. "01-06"')
  .meta({ description: 'A day of the year, MM-DD.' });

const Level = z.enum(['warning', 'error']);

/** The kinds of file a document can be, as ingest decides them from the bytes. */
export const DocumentKindName = z.enum(['pdf', 'docx', 'doc', 'email', 'msg', 'text', 'image']);

/**
 * Kinds of signature an office may accept. handwritten: drawn or scanned (a picture); electronic:
 * any e-signature ("/s/", "signed electronically", a service's block); verified-electronic: an
 * e-signature made through a service that verifies the signer (a PDF digital signature with its
 * certificate, or a signing service's stamp such as a DocuSign Envelope ID); typed: a typed name.
 */
export const SignatureKindName = z.enum(['handwritten', 'verified-electronic', 'electronic', 'typed']);

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
    // The rules below came with schools' published checklists (issue 15). Each default leaves a letter as before.
    supervisorContactNeeds: z
      .enum(['either', 'email', 'phone', 'both'])
      .default('either')
      .meta({ description: "With supervisorContact: which of the supervisor's email and phone the letter must give (either one, that one, or both)." }),
    acceptedFormats: z
      .array(DocumentKindName)
      .min(1)
      .nullable()
      .default(null)
      .meta({ description: 'The kinds of file the office accepts, for every document of a case (e.g. ["pdf"]); null: every kind the service reads.' }),
    remoteWork: z
      .enum(['accept', 'no-remote', 'onsite-only'])
      .default('accept')
      .meta({ description: 'no-remote: a fully remote position is not accepted; onsite-only: neither remote nor hybrid is; accept: any.' }),
    acceptedSignatures: z
      .array(SignatureKindName)
      .min(1)
      .nullable()
      .default(null)
      .meta({
        description:
          'The kinds of signature the office accepts (handwritten, verified-electronic, electronic, typed); null: any. A typed name is judged by typedSignature when that is not "accept".',
      }),
    minBusinessDaysBeforeStart: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .meta({
        description:
          'The start must be at least this many business days (Monday to Friday, US federal holidays excluded) after the submission date the caller gives, or after the day checked; null: no lead time.',
      }),
    endByTermEnd: z
      .enum(['off', 'warning', 'error'])
      .default('off')
      .meta({ description: 'How an end date after the term end date the caller gives (term_end_date) is flagged; off: not checked.' }),
    maxHoursDuringTerm: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .meta({ description: 'Part-time cap during the term: more hours a week than this, unless the whole position falls within a term break, is an error; null: no cap.' }),
    minLearningObjectives: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .meta({ description: 'The letter must list at least this many learning objectives (element learning_objectives); null: any number.' }),
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
