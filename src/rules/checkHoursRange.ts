import { readElement } from './shared/readElement.js';
import { formatHours } from './shared/formatHours.js';
import type { Rule } from './ruleContext.js';

/** 0 hours is no job, and more than 60 a week is no student position: either way the figure cannot be used as written. */
export const checkHoursRange: Rule = ({ elements, profile }) => {
  const hours = readElement(elements, 'hours_per_week');
  if (!hours) return [];
  const max = profile.rules.maxHoursPerWeek;
  // "Up to 20 hours" reads as {min: null, max: 20}: a ceiling, not a position of zero hours.
  if (hours.max > 0 && hours.max <= max) return [];
  const why = hours.max <= 0 ? 'zero hours a week is not a position' : `more than ${max} hours a week is not believable for a student position`;
  return [
    {
      code: 'HOURS_OUT_OF_RANGE',
      severity: 'error',
      element: 'hours_per_week',
      message: `The letter gives ${formatHours(hours)} a week; ${why}, so we cannot accept this figure. Ask the employer to state the real weekly hours.`,
      invalidates: { fix: 'Please state the number of hours per week the student will work.' },
    },
  ];
};
