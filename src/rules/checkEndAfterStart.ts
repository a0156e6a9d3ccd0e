import { readElement } from './shared/readElement.js';
import { formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/** The end date must not come before the start date: one of the two is wrong, and the office cannot tell which. */
export const checkEndAfterStart: Rule = ({ elements }) => {
  const start = readElement(elements, 'start_date');
  const end = readElement(elements, 'end_date');
  if (!isIsoDate(start) || !isIsoDate(end) || end >= start) return [];
  return [
    {
      code: 'DATES_END_BEFORE_START',
      severity: 'error',
      element: 'end_date',
      message: `The letter's end date (${formatDate(end)}) comes before its start date (${formatDate(start)}). Ask the employer to correct the dates.`,
    },
  ];
};
