import { readElement } from './shared/readElement.js';
import { addMonths, formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/** Schools that want a recent letter (cpt-strict: no older than 4 months on the day checked). */
export const checkLetterAge: Rule = ({ elements, profile, today }) => {
  const months = profile.rules.maxLetterAgeMonths;
  const letterDate = readElement(elements, 'letter_date');
  if (months === null || !isIsoDate(letterDate)) return [];
  const limit = addMonths(letterDate, months);
  if (today <= limit) return [];
  return [
    {
      code: 'LETTER_DATE_TOO_OLD',
      severity: 'error',
      element: 'letter_date',
      message: `The letter is dated ${formatDate(letterDate)}, more than ${months} months before today (${formatDate(today)}). This school needs a letter written in the last ${months} months; ask the employer for a newly dated one.`,
    },
  ];
};
