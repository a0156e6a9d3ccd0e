import { z } from 'zod';

/**
 * Every finding code the service can emit. Codes are a public contract: the intake pipeline
 * matches on them, so a code is never renamed or reused for another meaning; add new ones.
 * openapi.yaml lists the same codes and a test keeps the two in step.
 */
export const FINDING_CODES = [
  // completeness
  'ELEMENT_MISSING',
  'ELEMENT_INVALID',
  'ELEMENT_UNCERTAIN',
  // dates
  'DATES_END_BEFORE_START',
  'START_DATE_PAST',
  'START_BEFORE_LETTER_DATE',
  'LETTER_DATE_TOO_OLD',
  'END_AFTER_GRADUATION',
  'GRADUATION_DATE_NOT_GIVEN',
  // hours
  'HOURS_FULL_TIME_CPT',
  'HOURS_OUT_OF_RANGE',
  // pay
  'PAY_UNPAID',
  'PAY_BELOW_MINIMUM_WAGE',
  // work site
  'WORK_ADDRESS_PO_BOX',
  'WORK_ADDRESS_INCOMPLETE',
  'ZIP_STATE_MISMATCH',
  'ZIP_UNKNOWN',
  'REMOTE_NO_STATE',
  // sender and addressee
  'EMAIL_FREE_MAIL_DOMAIN',
  'ADDRESSEE_MISMATCH',
  'SIGNATURE_TYPED_ONLY',
  'SUPERVISOR_CONTACT_MISSING',
  // program rules
  'COOP_DURATION_OUT_OF_RANGE',
  'COOP_HOURS_TOO_LOW',
  'MICRO_INTERNSHIP_OUTSIDE_WINDOW',
  'MICRO_INTERNSHIP_AUTHORIZATION',
  // cross-checks with what the caller told us
  'STUDENT_NAME_MISMATCH',
  'EMPLOYER_MISMATCH',
  'START_DATE_MISMATCH',
  'END_DATE_MISMATCH',
  // the document itself
  'DOCUMENT_LOW_OCR_CONFIDENCE',
  'DOCUMENT_TYPE_MISMATCH',
  'DOCUMENT_HAS_SCRIPT',
  'DOCUMENT_HAS_MACROS',
  'DOCUMENT_EXTERNAL_REFERENCES',
  // a case of several documents (issue 15)
  'DOCUMENTS_DISAGREE',
  'FOLLOW_UP_FREE_MAIL_DOMAIN',
  // schools' own checklists (issue 15)
  'FORMAT_NOT_ACCEPTED',
  'REMOTE_WORK_NOT_ACCEPTED',
  'SIGNATURE_KIND_NOT_ACCEPTED',
  'SIGNATURE_NOT_VERIFIED',
  'START_TOO_SOON',
  'END_AFTER_TERM_END',
  'HOURS_OVER_TERM_LIMIT',
  'LEARNING_OBJECTIVES_TOO_FEW',
] as const;

export const FindingCode = z.enum(FINDING_CODES).meta({ id: 'FindingCode' });
export type FindingCode = z.infer<typeof FindingCode>;
