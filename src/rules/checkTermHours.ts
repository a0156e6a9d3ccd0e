import { readElement } from './shared/readElement.js';
import { formatHours } from './shared/formatHours.js';
import { isIsoDate } from './shared/isoDates.js';
import { withinWindow, type YearlyWindow } from './shared/yearlyWindow.js';
import type { Rule } from './ruleContext.js';

/**
 * Offices that cap part-time CPT during the term (often at 20 hours a week): more hours are
 * allowed only when the whole position falls within a term break. Without both dates the office
 * cannot tell, so the position is taken as term time, as for full-time CPT.
 */
export const checkTermHours: Rule = ({ elements, profile, settings }) => {
  const cap = profile.rules.maxHoursDuringTerm;
  const hours = readElement(elements, 'hours_per_week');
  if (cap === null || !hours || hours.max <= cap || hours.max > profile.rules.maxHoursPerWeek) return [];
  const start = readElement(elements, 'start_date');
  const end = readElement(elements, 'end_date');
  const breaks: YearlyWindow[] = [...profile.rules.termBreaks];
  if (profile.rules.requireWindow) breaks.push(profile.rules.window ?? settings.microInternshipWindow);
  if (isIsoDate(start) && isIsoDate(end) && breaks.some((b) => withinWindow(start, end, b))) return [];
  return [
    {
      code: 'HOURS_OVER_TERM_LIMIT',
      severity: 'error',
      element: 'hours_per_week',
      message: `The letter gives ${formatHours(hours)} a week during the school term; this office allows at most ${cap} hours a week while classes are in session. Ask the employer to cap the hours at ${cap} during the term${isIsoDate(start) && isIsoDate(end) ? '' : ', or to give start and end dates that fall within a break'}.`,
    },
  ];
};
