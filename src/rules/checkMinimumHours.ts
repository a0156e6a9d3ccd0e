import { readElement } from './shared/readElement.js';
import { formatHours } from './shared/formatHours.js';
import type { Rule } from './ruleContext.js';

/**
 * Programs with a floor on the hours (co-op: at least 20 a week). A range counts by its lower end:
 * that is what the employer commits to. "Up to 40 hours" ({min: null}) commits to no floor at all,
 * so an advisor has to confirm it with the employer.
 */
export const checkMinimumHours: Rule = ({ elements, profile }) => {
  const minimum = profile.rules.minHoursPerWeek;
  const hours = readElement(elements, 'hours_per_week');
  if (minimum === null || !hours || hours.max <= 0 || (hours.min !== null && hours.min >= minimum)) return [];
  if (hours.min === null && hours.max >= minimum) {
    return [
      {
        code: 'COOP_HOURS_TOO_LOW',
        severity: 'warning',
        element: 'hours_per_week',
        message: `The letter gives up to ${hours.max} hours a week, with no minimum; the ${profile.name} rules ask for at least ${minimum} hours every week. Ask the employer to confirm at least ${minimum} hours.`,
        review: true,
      },
    ];
  }
  return [
    {
      code: 'COOP_HOURS_TOO_LOW',
      severity: 'error',
      element: 'hours_per_week',
      message: `The letter gives ${formatHours(hours)} a week; the ${profile.name} rules ask for at least ${minimum} hours every week. Ask the employer whether the hours can be at least ${minimum}.`,
    },
  ];
};
