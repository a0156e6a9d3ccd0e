import { CHECKLIST_ELEMENTS } from '../../report/index.js';
import type { ProfileInput } from '../profile.js';

export const cptProfile: ProfileInput = {
  id: 'cpt',
  name: 'Curricular Practical Training (default)',
  description: 'The nine elements of the CPT offer-letter checklist published by international offices.',
  requires: [...CHECKLIST_ELEMENTS],
};
