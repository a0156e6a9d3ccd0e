import { z } from 'zod';

/** The nine elements of the CPT checklist, in the order the offices publish them. */
export const CHECKLIST_ELEMENTS = [
  'letterhead',
  'student_name',
  'position_type',
  'job_title',
  'duties',
  'hours_per_week',
  'start_date',
  'end_date',
  'work_location',
  'compensation',
] as const;

/** What an offer letter itself says or shows beyond the checklist; the fixture letters are labelled for these and the checklist. */
export const LETTER_DETAIL_ELEMENTS = ['signature', 'letter_date', 'employer_name', 'supervisor'] as const;
/** What academic internship agreements add: how the work relates to the program, and learning objectives. */
export const ACADEMIC_ELEMENTS = ['program_relation', 'learning_objectives'] as const;

/**
 * Reported on every letter, required only where a profile says so (e.g. cpt-strict). The last two
 * came with the schools whose checklists ask how the work relates to the student's program and
 * for learning objectives (academic internship agreements).
 */
export const OPTIONAL_ELEMENTS = [...LETTER_DETAIL_ELEMENTS, ...ACADEMIC_ELEMENTS] as const;

export const ELEMENT_NAMES = [...CHECKLIST_ELEMENTS, ...OPTIONAL_ELEMENTS] as const;

export const ElementName = z.enum(ELEMENT_NAMES);
export type ElementName = z.infer<typeof ElementName>;

/** The checklist's items as a student reads them: the CLI prints them, GET /v1/profiles gives them to the web form. */
export const ELEMENT_LABELS: Record<ElementName, string> = {
  letterhead: 'Letterhead or official email',
  student_name: 'Your name',
  position_type: 'Internship or co-op',
  job_title: 'Job title',
  duties: 'Duties',
  hours_per_week: 'Hours per week',
  start_date: 'Start date',
  end_date: 'End date',
  work_location: 'Work address',
  compensation: 'Pay',
  signature: 'Signature',
  letter_date: 'Date of the letter',
  employer_name: 'Employer',
  supervisor: 'Supervisor',
  program_relation: 'Relation to your studies',
  learning_objectives: 'Learning objectives',
};

/**
 * The same items as an office names them, for the PDF record in the student's file: the student's
 * words where the office says it the same way, the office's own where the student is addressed.
 */
export const ELEMENT_RECORD_LABELS: Record<ElementName, string> = {
  ...ELEMENT_LABELS,
  student_name: "Student's name",
  work_location: 'Work location',
  compensation: 'Compensation',
  program_relation: 'Relation to the program of study',
};
