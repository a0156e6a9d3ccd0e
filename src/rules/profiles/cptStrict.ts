import { CHECKLIST_ELEMENTS } from '../../report/index.js';
import type { ProfileInput } from '../profile.js';

/** A school with a longer list: a real signature, a recent letter, the supervisor's contact, and an end by graduation. */
export const cptStrictProfile: ProfileInput = {
  id: 'cpt-strict',
  name: 'CPT (strict)',
  description:
    "CPT at a school that also requires the employer's signature (drawn, scanned or electronic; a typed name alone is not enough), the letter's date no older than 4 months, the employer's name, the supervisor's name and contact, and an end date no later than the graduation date the student gives.",
  requires: [...CHECKLIST_ELEMENTS, 'signature', 'letter_date', 'employer_name', 'supervisor'],
  rules: {
    maxLetterAgeMonths: 4,
    endAfterGraduation: 'error',
    requireGraduationDate: true,
    typedSignature: 'error',
    supervisorContact: true,
  },
};
