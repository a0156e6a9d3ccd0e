import { readElement } from './shared/readElement.js';
import { formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/** The start date the student plans the CPT request with must be the letter's: CPT is authorized for the dates the letter gives. */
export const checkCallerStartDate: Rule = ({ elements, caller }) => {
  const expected = caller.startDate;
  const found = readElement(elements, 'start_date');
  if (!isIsoDate(expected) || !isIsoDate(found) || expected === found) return [];
  return [
    {
      code: 'START_DATE_MISMATCH',
      severity: 'warning',
      element: 'start_date',
      message: `The letter's start date is ${formatDate(found)}, but you gave ${formatDate(expected)}. CPT is authorized for the dates in the letter, so the two must agree: correct your request or ask the employer to correct the letter.`,
      expected,
      found,
      review: true,
    },
  ];
};
