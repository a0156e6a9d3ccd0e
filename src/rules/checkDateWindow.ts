import { readElement } from './shared/readElement.js';
import { formatDate, formatMonthDay, isIsoDate } from './shared/isoDates.js';
import { occurrenceAround } from './shared/yearlyWindow.js';
import type { Rule } from './ruleContext.js';

/** Short programs tied to a fixed window (micro-internships: January 6 to 31 by default): the work must start and end inside it. */
export const checkDateWindow: Rule = ({ elements, profile, settings }) => {
  if (!profile.rules.requireWindow) return [];
  const window = profile.rules.window ?? settings.microInternshipWindow;
  const start = readElement(elements, 'start_date');
  const end = readElement(elements, 'end_date');
  if (!isIsoDate(start)) return [];
  const { from, to } = occurrenceAround(start, window);
  const outside: string[] = [];
  if (start < from || start > to) outside.push(`starts on ${formatDate(start)}`);
  if (isIsoDate(end) && (end > to || end < from)) outside.push(`ends on ${formatDate(end)}`);
  if (outside.length === 0) return [];
  return [
    {
      code: 'MICRO_INTERNSHIP_OUTSIDE_WINDOW',
      severity: 'error',
      element: start < from || start > to ? 'start_date' : 'end_date',
      message: `The position ${outside.join(' and ')}, outside the ${formatMonthDay(window.start)} to ${formatMonthDay(window.end)} window of the ${profile.name} rules. The work must fall entirely within that window; check the dates with the employer.`,
    },
  ];
};
