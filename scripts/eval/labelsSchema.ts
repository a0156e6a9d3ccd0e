/**
 * The shape of fixtures/labels.json: what every fixture letter should make the checker report.
 * Element values reuse the API's own value schemas, so a label can only say what a report can.
 */
import { z } from 'zod';
import {
  CHECKLIST_ELEMENTS,
  CompensationValue,
  DutiesValue,
  ElementStatus,
  EmployerNameValue,
  FindingCode,
  HoursPerWeekValue,
  IsoDate,
  JobTitleValue,
  LETTER_DETAIL_ELEMENTS,
  LetterheadValue,
  PositionTypeValue,
  SignatureValue,
  StudentNameValue,
  SupervisorValue,
  Verdict,
  WorkLocationValue,
} from '../../src/report/index.js';

/**
 * The elements the fixture letters are labelled for: the checklist and the letter's other details.
 * The academic elements (program_relation, learning_objectives) are measured by their own tests,
 * not here: no fixture label says what they should be.
 */
export const LABELLED_ELEMENTS = [...CHECKLIST_ELEMENTS, ...LETTER_DETAIL_ELEMENTS] as const;
export type LabelledElement = (typeof LABELLED_ELEMENTS)[number];

function expectedElement<V extends z.ZodType>(value: V) {
  return z
    .object({
      status: ElementStatus,
      value: value.nullable(),
      /** Why a careful reader could argue this label; the evaluation skips such elements and counts them apart. */
      ambiguous: z.string().min(10).optional(),
    })
    .strict();
}

export const ExpectedElements = z
  .object({
    letterhead: expectedElement(LetterheadValue),
    student_name: expectedElement(StudentNameValue),
    position_type: expectedElement(PositionTypeValue),
    job_title: expectedElement(JobTitleValue),
    duties: expectedElement(DutiesValue),
    hours_per_week: expectedElement(HoursPerWeekValue),
    start_date: expectedElement(IsoDate),
    end_date: expectedElement(IsoDate),
    work_location: expectedElement(WorkLocationValue),
    compensation: expectedElement(CompensationValue),
    signature: expectedElement(SignatureValue),
    letter_date: expectedElement(IsoDate),
    employer_name: expectedElement(EmployerNameValue),
    supervisor: expectedElement(SupervisorValue),
  })
  .strict();
export type ExpectedElements = z.infer<typeof ExpectedElements>;

export const LetterFormat = z.enum(['pdf', 'docx', 'doc', 'eml', 'msg', 'txt', 'png', 'jpeg', 'tiff', 'webp', 'heic', 'pdf-scan', 'pdf-mixed']);
export type LetterFormat = z.infer<typeof LetterFormat>;

export const Profile = z.enum(['cpt', 'coop', 'micro-internship', 'cpt-strict']);
export type Profile = z.infer<typeof Profile>;

/** What the student would type into the request form alongside the letter; every field optional. */
export const LabelRequest = z
  .object({
    student_name: z.string().optional(),
    employer: z.string().optional(),
    start_date: IsoDate.optional(),
    end_date: IsoDate.optional(),
    graduation_date: IsoDate.optional(),
    program: z.enum(['cpt', 'coop', 'micro-internship']).optional().meta({ description: 'The kind of authorization asked for; picks the profile when none is given.' }),
  })
  .strict();
export type LabelRequest = z.infer<typeof LabelRequest>;

export const LabelGroup = z.enum(['text', 'ocr', 'wild', 'wild-ocr']);
export type LabelGroup = z.infer<typeof LabelGroup>;

export const LetterLabel = z
  .object({
    file: z.string().regex(/^(text|ocr|wild\/text|wild\/ocr)\/[\w.-]+$/, 'a path under fixtures/, in text/, ocr/, wild/text/ or wild/ocr/'),
    format: LetterFormat,
    producer: z.string().min(1),
    group: LabelGroup,
    /** For a wild letter: the public template it was filled from (fixtures/wild/SOURCES.md). */
    template: z.string().optional(),
    description: z.string().min(10),
    /** For an OCR letter: the text letter it was rendered from. */
    derivedFrom: z.string().optional(),
    profile: Profile,
    request: LabelRequest,
    deficient: z.boolean(),
    expectedVerdict: Verdict,
    elements: ExpectedElements,
    findings: z.array(FindingCode),
  })
  .strict()
  .refine((l) => !l.deficient || l.expectedVerdict !== 'complete', { message: 'a deficient letter cannot be expected complete' })
  .refine((l) => l.group === 'ocr' || l.group === 'wild-ocr' || l.derivedFrom === undefined, { message: 'only OCR letters are derived from another letter' })
  .refine((l) => (l.group === 'wild' || l.group === 'wild-ocr') === l.file.startsWith('wild/'), { message: 'wild letters, and only they, live under wild/' });
export type LetterLabel = z.infer<typeof LetterLabel>;

export const LabelsFile = z
  .object({
    checkedOn: IsoDate.meta({ description: 'The "today" every letter is checked against.' }),
    letters: z.array(LetterLabel).min(1),
  })
  .strict()
  .refine((f) => new Set(f.letters.map((l) => l.file)).size === f.letters.length, { message: 'each file is labelled once' });
export type LabelsFile = z.infer<typeof LabelsFile>;
