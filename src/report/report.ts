import { z } from 'zod';
import { elementOf } from './element.js';
import { Finding } from './finding.js';
import {
  CompensationValue,
  DutiesValue,
  EmployerNameValue,
  HoursPerWeekValue,
  IsoDate,
  JobTitleValue,
  LearningObjectivesValue,
  LetterheadValue,
  PositionTypeValue,
  ProgramRelationValue,
  SignatureValue,
  StudentNameValue,
  SupervisorValue,
  WorkLocationValue,
} from './values.js';

export const Verdict = z.enum(['complete', 'incomplete', 'needs_review']).meta({
  description:
    'complete: every required element present and no error finding; needs_review: nothing missing, but something could not be read reliably or a finding needs an advisor to decide; incomplete: otherwise.',
});
export type Verdict = z.infer<typeof Verdict>;

export const TextSource = z.enum(['text', 'ocr', 'mixed']);
export type TextSource = z.infer<typeof TextSource>;

export const DocumentSummary = z
  .object({
    mediaType: z.string().meta({ description: 'The type decided from the bytes, e.g. application/pdf.' }),
    pages: z.number().int().min(0),
    textSource: TextSource,
    ocrConfidence: z.number().min(0).max(1).nullable().meta({ description: 'Mean word confidence over OCR pages; null when no page was OCR-read.' }),
    characters: z.number().int().min(0),
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** One document of the case as read: where its quotes point (`index`) and what identifies the file (`sha256`). */
export const DocumentRead = DocumentSummary.extend({
  index: z.number().int().min(0).meta({ description: 'Its place in the list; evidence names it by this index.' }),
  fileName: z.string().nullable().meta({ description: 'The file name the client gave; null for a raw body.' }),
  role: z.enum(['letter', 'follow-up']).meta({
    description: 'letter: the first document, whose findings are preferred; follow-up: a document sent after it (an email, an addendum, another page), read for what the letter leaves out.',
  }),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "SHA-256 of the file's bytes, hex: identifies the exact file checked." }),
}).meta({ id: 'DocumentRead' });
export type DocumentRead = z.infer<typeof DocumentRead>;

/** One schema per element: the single source of each element's value shape. */
export const ElementSchemas = {
  letterhead: elementOf(LetterheadValue, 'LetterheadElement'),
  student_name: elementOf(StudentNameValue, 'StudentNameElement'),
  position_type: elementOf(PositionTypeValue, 'PositionTypeElement'),
  job_title: elementOf(JobTitleValue, 'JobTitleElement'),
  duties: elementOf(DutiesValue, 'DutiesElement'),
  hours_per_week: elementOf(HoursPerWeekValue, 'HoursPerWeekElement'),
  start_date: elementOf(IsoDate, 'StartDateElement'),
  end_date: elementOf(IsoDate, 'EndDateElement'),
  work_location: elementOf(WorkLocationValue, 'WorkLocationElement'),
  compensation: elementOf(CompensationValue, 'CompensationElement'),
  signature: elementOf(SignatureValue, 'SignatureElement'),
  letter_date: elementOf(IsoDate, 'LetterDateElement'),
  employer_name: elementOf(EmployerNameValue, 'EmployerNameElement'),
  supervisor: elementOf(SupervisorValue, 'SupervisorElement'),
  program_relation: elementOf(ProgramRelationValue, 'ProgramRelationElement'),
  learning_objectives: elementOf(LearningObjectivesValue, 'LearningObjectivesElement'),
} as const;

export const Elements = z.object(ElementSchemas).meta({ id: 'Elements' });
export type Elements = z.infer<typeof Elements>;
export type ElementOf<K extends keyof Elements> = Elements[K];
export type ValueOf<K extends keyof Elements> = NonNullable<Elements[K]['value']>;

export const Duration = z
  .object({ weeks: z.number(), months: z.number() })
  .meta({ id: 'Duration', description: 'Length from start_date to end_date inclusive; months are calendar months, to one decimal.' });

export const Report = z
  .object({
    verdict: Verdict,
    profile: z.string(),
    checkedOn: IsoDate.meta({ description: 'The day the rules were applied (start dates in the past are judged against it).' }),
    // The letter (the first document), as before cases of several documents; `documents` lists them all.
    document: DocumentSummary,
    documents: z.array(DocumentRead).min(1).meta({
      description: 'Every document read for this check, the letter first; one for a single letter. `document` above is the first of them, as it was before cases.',
    }),
    duration: Duration.nullable(),
    elements: Elements,
    findings: z.array(Finding),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;
