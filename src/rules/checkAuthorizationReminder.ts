import { readElement } from './shared/readElement.js';
import { daysBetween, formatDate, isIsoDate } from './shared/isoDates.js';
import type { Rule } from './ruleContext.js';

/**
 * Short programs start soon after the offer, and students start before their CPT is approved:
 * a reminder with the date (and the days left) that the authorization must come before.
 */
export const checkAuthorizationReminder: Rule = ({ elements, profile, today }) => {
  if (!profile.rules.authorizationReminder) return [];
  const start = readElement(elements, 'start_date');
  const when = isIsoDate(start)
    ? start > today
      ? ` on ${formatDate(start)}, ${daysBetween(today, start)} days from today`
      : ` on ${formatDate(start)}`
    : '';
  return [
    {
      code: 'MICRO_INTERNSHIP_AUTHORIZATION',
      severity: 'info',
      element: 'start_date',
      message: `Your CPT must be authorized by your school before you start working${when}. Send your CPT request early: work done before the authorization is unauthorized employment.`,
    },
  ];
};
