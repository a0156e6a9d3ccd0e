import { readElement } from './shared/readElement.js';
import { measureDuration } from './measureDuration.js';
import type { Rule } from './ruleContext.js';

/** Programs with a length rule (co-op: 4 to 9 months), measured in calendar months from start to end, both days included. */
export const checkProgramDuration: Rule = ({ elements, profile }) => {
  const range = profile.rules.durationMonths;
  if (!range) return [];
  const duration = measureDuration(readElement(elements, 'start_date'), readElement(elements, 'end_date'));
  if (!duration || (duration.months >= range.min && duration.months <= range.max)) return [];
  const side = duration.months < range.min ? 'shorter' : 'longer';
  return [
    {
      code: 'COOP_DURATION_OUT_OF_RANGE',
      severity: 'error',
      element: 'end_date',
      message: `From start to end the position lasts about ${duration.months} months (${duration.weeks} weeks), ${side} than the ${profile.name} rules allow (${range.min} to ${range.max} months). Check the dates with the employer.`,
    },
  ];
};
