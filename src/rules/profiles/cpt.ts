import { CHECKLIST_ELEMENTS } from '../../report/index.js';
import type { ProfileInput } from '../profile.js';

/** The default: the nine elements of the CPT offer-letter checklist that international offices publish. */
export const cptProfile: ProfileInput = {
  id: 'cpt',
  name: 'CPT',
  description:
    'Curricular Practical Training (the default): the nine elements of the offer-letter checklist. Unpaid positions and pay below the minimum wage are flagged for an advisor; more than 20 hours a week is full-time CPT.',
  requires: [...CHECKLIST_ELEMENTS],
};
