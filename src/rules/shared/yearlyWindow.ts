import { dayOfYear } from './isoDates.js';

/** Days of the year, MM-DD; a window whose end is before its start runs across New Year (12-15 to 01-10). */
export interface YearlyWindow {
  start: string;
  end: string;
}

/** The dated occurrence of a yearly window that holds `date` or comes next after it in that year: the one to judge a position starting on `date` against. */
export function occurrenceAround(date: string, window: YearlyWindow): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  if (window.end >= window.start) return { from: dayOfYear(year, window.start), to: dayOfYear(year, window.end) };
  const lastYears = { from: dayOfYear(year - 1, window.start), to: dayOfYear(year, window.end) };
  return date <= lastYears.to ? lastYears : { from: dayOfYear(year, window.start), to: dayOfYear(year + 1, window.end) };
}

/** Whether the days from start to end (both included) all fall inside one occurrence of the window. */
export function withinWindow(start: string, end: string, window: YearlyWindow): boolean {
  const { from, to } = occurrenceAround(start, window);
  return start >= from && start <= to && end >= from && end <= to;
}
