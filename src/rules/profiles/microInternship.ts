import { CHECKLIST_ELEMENTS } from '../../report/index.js';
import type { ProfileInput } from '../profile.js';

/**
 * January micro-internships: a few weeks between terms. The window's days come from the
 * MICRO_INTERNSHIP_WINDOW_START/END settings (default January 6 to 31), since schools move it.
 */
export const microInternshipProfile: ProfileInput = {
  id: 'micro-internship',
  name: 'Micro-internship',
  description:
    'Short January positions: the nine checklist elements, start and end dates inside the window (MICRO_INTERNSHIP_WINDOW_START/END, default January 6 to 31), and a reminder that CPT must be authorized before the start date.',
  requires: [...CHECKLIST_ELEMENTS],
  rules: {
    requireWindow: true,
    authorizationReminder: true,
  },
};
