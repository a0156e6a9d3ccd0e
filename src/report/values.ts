import { z } from 'zod';

export const LetterheadValue = z
  .object({
    kind: z.enum(['letterhead', 'email']),
    organization: z.string().nullable(),
    sender: z.string().nullable().meta({ description: 'For an email: the From address.' }),
  })
  .meta({ id: 'LetterheadValue' });

export const StudentNameValue = z.string().meta({ id: 'StudentNameValue' });

export const PositionTypeValue = z.enum(['internship', 'co-op']).meta({ id: 'PositionTypeValue' });

export const JobTitleValue = z.string().meta({ id: 'JobTitleValue' });

export const DutiesValue = z.array(z.string()).meta({ id: 'DutiesValue' });

export const HoursPerWeekValue = z
  .object({
    min: z.number().nullable().meta({ description: 'The least hours a week the letter commits to; null for a ceiling alone ("up to 20 hours").' }),
    max: z.number(),
  })
  .meta({ id: 'HoursPerWeekValue', description: 'Hours per week; min equals max for a fixed figure, min null for "up to" (at most max).' });

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ id: 'IsoDate', description: 'A calendar date, YYYY-MM-DD.' });

export const WorkLocationValue = z
  .object({
    mode: z.enum(['onsite', 'remote', 'hybrid']),
    street: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable().meta({ description: 'Two-letter USPS code.' }),
    zip: z.string().nullable().meta({ description: 'ZIP or ZIP+4.' }),
  })
  .meta({ id: 'WorkLocationValue' });

export const PayPeriod = z.enum(['hour', 'week', 'biweekly', 'semimonthly', 'month', 'year', 'total', 'unpaid']);

export const CompensationValue = z
  .object({
    amount: z.number().nullable(),
    amountMax: z.number().nullable(),
    currency: z.string(),
    per: PayPeriod,
  })
  .meta({ id: 'CompensationValue' });

export const SignatureValue = z
  .object({
    kind: z.enum(['image', 'electronic', 'typed']),
    signer: z.string().nullable(),
  })
  .meta({ id: 'SignatureValue' });

export const EmployerNameValue = z.string().meta({ id: 'EmployerNameValue' });

export const SupervisorValue = z
  .object({
    name: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'SupervisorValue' });

export const ProgramRelationValue = z
  .string()
  .meta({ id: 'ProgramRelationValue', description: "The letter's statement of how the work relates to the student's program of study." });

export const LearningObjectivesValue = z
  .array(z.string())
  .meta({ id: 'LearningObjectivesValue', description: 'The learning goals or objectives the letter lists, one per item.' });
