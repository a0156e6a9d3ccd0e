import { readElement } from './shared/readElement.js';
import { addBusinessDays, businessDaysBetween } from './shared/businessDays.js';
import { formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/**
 * Offices that need time to authorize CPT before the work starts: the start must be at least N
 * business days after the CPT request is submitted (the submission date the caller gives, or the
 * day of the check). A start already past is START_DATE_PAST's to say.
 */
export const checkStartLeadTime: Rule = ({ elements, profile, caller, today }) => {
  const lead = profile.rules.minBusinessDaysBeforeStart;
  const start = readElement(elements, 'start_date');
  if (lead === null || !isIsoDate(start) || start < today) return [];
  const from = isIsoDate(caller.submissionDate) ? caller.submissionDate : today;
  const earliest = addBusinessDays(from, lead);
  if (start >= earliest) return [];
  const counted = caller.submissionDate ? `the submission date (${formatDate(from)})` : `today (${formatDate(from)})`;
  return [
    {
      code: 'START_TOO_SOON',
      severity: 'error',
      element: 'start_date',
      message: `The start date (${formatDate(start)}) is ${businessDaysBetween(from, start)} business days after ${counted}; this office needs at least ${lead} business days to authorize CPT, so the start can be ${formatDate(earliest)} at the earliest. Ask the employer whether the start can move.`,
      expected: earliest,
      found: start,
    },
  ];
};
