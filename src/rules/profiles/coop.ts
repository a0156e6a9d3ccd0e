import { CHECKLIST_ELEMENTS } from '../../report/index.js';
import type { ProfileInput } from '../profile.js';

/** Co-op programs: a paid position of 4 to 9 months at 20 hours a week or more. */
export const coopProfile: ProfileInput = {
  id: 'coop',
  name: 'Co-op',
  description:
    'Cooperative education: the nine checklist elements, a position of 4 to 9 months, at least 20 hours a week, paid at least the minimum wage (MINIMUM_WAGE_HOURLY, federal $7.25). Unpaid is an error.',
  requires: [...CHECKLIST_ELEMENTS],
  rules: {
    durationMonths: { min: 4, max: 9 },
    minHoursPerWeek: 20,
    unpaid: 'error',
    belowMinimumWage: 'error',
  },
};
