import { readElement } from './shared/readElement.js';
import { formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/** Offices that authorize CPT one term at a time: the position must end by the term end date the caller gives. */
export const checkEndByTermEnd: Rule = ({ elements, profile, caller }) => {
  const level = profile.rules.endByTermEnd;
  const end = readElement(elements, 'end_date');
  const termEnd = caller.termEndDate;
  if (level === 'off' || !isIsoDate(termEnd) || !isIsoDate(end) || end <= termEnd) return [];
  return [
    {
      code: 'END_AFTER_TERM_END',
      severity: level,
      element: 'end_date',
      message: `The end date (${formatDate(end)}) is after the end of the term (${formatDate(termEnd)}). This office authorizes CPT one term at a time: the position should end by ${formatDate(termEnd)}, with a new authorization for the next term.`,
      expected: termEnd,
      found: end,
      review: level === 'warning',
    },
  ];
};
