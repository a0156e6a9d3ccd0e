import { readElement } from './shared/readElement.js';
import { formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/** The end date the student plans the CPT request with must be the letter's. */
export const checkCallerEndDate: Rule = ({ elements, caller }) => {
  const expected = caller.endDate;
  const found = readElement(elements, 'end_date');
  if (!isIsoDate(expected) || !isIsoDate(found) || expected === found) return [];
  return [
    {
      code: 'END_DATE_MISMATCH',
      severity: 'warning',
      element: 'end_date',
      message: `The letter's end date is ${formatDate(found)}, but you gave ${formatDate(expected)}. CPT is authorized for the dates in the letter, so the two must agree: correct your request or ask the employer to correct the letter.`,
      expected,
      found,
      review: true,
    },
  ];
};
