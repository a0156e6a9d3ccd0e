import { readElement } from './shared/readElement.js';
import { formatHours } from './shared/formatHours.js';
import type { Rule } from './ruleContext.js';

/**
 * More than 20 hours a week is full-time CPT. It is allowed (most summer internships are), but the
 * student must know what it costs: 12 months or more of full-time CPT ends eligibility for OPT.
 */
export const checkFullTimeCpt: Rule = ({ elements, profile }) => {
  const hours = readElement(elements, 'hours_per_week');
  const limit = profile.rules.fullTimeHoursAbove;
  if (!hours || hours.max <= limit || hours.max > profile.rules.maxHoursPerWeek) return [];
  return [
    {
      code: 'HOURS_FULL_TIME_CPT',
      severity: 'warning',
      element: 'hours_per_week',
      message: `The letter gives ${formatHours(hours)} a week, more than ${limit}, so this is full-time CPT. During the school term your school may not allow it, and 12 months or more of full-time CPT in total removes your eligibility for OPT.`,
    },
  ];
};
