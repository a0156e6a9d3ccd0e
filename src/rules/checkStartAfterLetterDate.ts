import { readElement } from './shared/readElement.js';
import { formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/** A letter dated after the start describes work that began before the offer was written: an advisor has to look. */
export const checkStartAfterLetterDate: Rule = ({ elements }) => {
  const start = readElement(elements, 'start_date');
  const letterDate = readElement(elements, 'letter_date');
  if (!isIsoDate(start) || !isIsoDate(letterDate) || start >= letterDate) return [];
  return [
    {
      code: 'START_BEFORE_LETTER_DATE',
      severity: 'warning',
      element: 'start_date',
      message: `The start date (${formatDate(start)}) is earlier than the date of the letter (${formatDate(letterDate)}). An offer should be written before the work begins; check the dates with the employer.`,
      review: true,
    },
  ];
};
