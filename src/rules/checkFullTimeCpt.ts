import { readElement } from './shared/readElement.js';
import { formatHours } from './shared/formatHours.js';
import { isIsoDate } from './shared/isoDates.js';
import { withinWindow, type YearlyWindow } from './shared/yearlyWindow.js';
import type { Rule } from './ruleContext.js';

/**
 * More than 20 hours a week is full-time CPT. During a break (the summer) that is the usual
 * internship and only worth knowing; during the school term the school must allow it, so it is a
 * warning. Either way the student must know what it costs: 12 months or more of full-time CPT
 * ends eligibility for OPT.
 */
export const checkFullTimeCpt: Rule = ({ elements, profile, settings }) => {
  const hours = readElement(elements, 'hours_per_week');
  const limit = profile.rules.fullTimeHoursAbove;
  if (!hours || hours.max <= limit || hours.max > profile.rules.maxHoursPerWeek) return [];
  const start = readElement(elements, 'start_date');
  const end = readElement(elements, 'end_date');
  const breaks: YearlyWindow[] = [...profile.rules.termBreaks];
  if (profile.rules.requireWindow) breaks.push(profile.rules.window ?? settings.microInternshipWindow);
  // Without both dates the office cannot tell the position avoids the term, so it is treated as term time.
  const duringBreak = isIsoDate(start) && isIsoDate(end) && breaks.some((b) => withinWindow(start, end, b));
  const opt = '12 months or more of full-time CPT in total removes your eligibility for OPT';
  return [
    duringBreak
      ? {
          code: 'HOURS_FULL_TIME_CPT',
          severity: 'info',
          element: 'hours_per_week',
          message: `The letter gives ${formatHours(hours)} a week, more than ${limit}, so this is full-time CPT. That is usual during a break between terms, but it still counts: ${opt}.`,
        }
      : {
          code: 'HOURS_FULL_TIME_CPT',
          severity: 'warning',
          element: 'hours_per_week',
          message: `The letter gives ${formatHours(hours)} a week, more than ${limit}, so this is full-time CPT during the school term. Your school may not allow full-time CPT during the term, and ${opt}.`,
        },
  ];
};
