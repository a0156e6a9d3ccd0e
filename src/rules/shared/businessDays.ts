/**
 * Business days as a US office counts them: Monday to Friday, less the federal holidays (5 U.S.C.
 * 6103) on the day they are observed (a Saturday holiday on the Friday before, a Sunday one on the
 * Monday after). Dates are YYYY-MM-DD, in UTC like the rest of the rules.
 */

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The n-th given weekday (0 Sunday .. 6 Saturday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1));
    return iso(new Date(Date.UTC(year, month, 1 + ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7)));
  }
  const last = new Date(Date.UTC(year, month + 1, 0));
  return iso(new Date(Date.UTC(year, month, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7))));
}

/** A fixed-date holiday on the day it is observed. */
function observed(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month, day));
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(day - 1);
  if (weekday === 0) date.setUTCDate(day + 1);
  return iso(date);
}

const holidaysByYear = new Map<number, Set<string>>();

/** The federal holidays observed in a year (a New Year's Day on a Saturday is observed on December 31 before it). */
export function federalHolidays(year: number): Set<string> {
  const known = holidaysByYear.get(year);
  if (known) return known;
  const days = new Set([
    observed(year, 0, 1),
    observed(year + 1, 0, 1),
    nthWeekday(year, 0, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 1, 1, 3), // Washington's Birthday
    nthWeekday(year, 4, 1, -1), // Memorial Day
    observed(year, 5, 19), // Juneteenth
    observed(year, 6, 4), // Independence Day
    nthWeekday(year, 8, 1, 1), // Labor Day
    nthWeekday(year, 9, 1, 2), // Columbus Day
    observed(year, 10, 11), // Veterans Day
    nthWeekday(year, 10, 4, 4), // Thanksgiving Day
    observed(year, 11, 25), // Christmas Day
  ].filter((d) => d.startsWith(String(year))));
  holidaysByYear.set(year, days);
  return days;
}

export function isBusinessDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !federalHolidays(day.getUTCFullYear()).has(date);
}

/** The day `n` business days after `date` (n >= 1): the earliest start for a lead time of n business days. */
export function addBusinessDays(date: string, n: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isBusinessDay(iso(day))) left -= 1;
  }
  return iso(day);
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: string, to: string): number {
  const day = new Date(`${from}T00:00:00Z`);
  let count = 0;
  // Bounded: a start years away says nothing more than "far enough".
  for (let i = 0; i < 3660 && iso(day) < to; i++) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isBusinessDay(iso(day))) count += 1;
  }
  return count;
}
