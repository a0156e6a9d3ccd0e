import { readElement } from './shared/readElement.js';
import { formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/** CPT is authorized before work begins, never for work already under way: a start date in the past needs a new letter or an advisor's look. */
export const checkStartDatePast: Rule = ({ elements, today }) => {
  const start = readElement(elements, 'start_date');
  if (!isIsoDate(start) || start >= today) return [];
  return [
    {
      code: 'START_DATE_PAST',
      severity: 'warning',
      element: 'start_date',
      message: `The start date, ${formatDate(start)}, has already passed (checked on ${formatDate(today)}). CPT must be authorized before you start working, so the office will likely need a letter with a new start date.`,
      review: true,
    },
  ];
};
