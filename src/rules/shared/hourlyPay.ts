import type { ValueOf } from '../../report/index.js';

/** The hours a week assumed when the letter does not say: a full-time week. */
export const DEFAULT_WEEKLY_HOURS = 40;

export interface HourlyPay {
  /** The lowest pay per hour the letter allows. */
  hourly: number;
  /** The hours a week the figure was computed with. */
  hoursPerWeek: number;
  /** Whether hoursPerWeek came from the letter (else the 40-hour default). */
  hoursFromLetter: boolean;
}

const WEEKS_PER_YEAR = 52;

/**
 * Pay per hour from pay per week, fortnight, half-month, month, year or for the whole position.
 * Takes the lower amount and the higher hours of a range, so the figure is the least the student
 * could earn an hour: the one a minimum-wage check must look at. null when it cannot be worked out
 * (unpaid, another currency, a total with no known length).
 */
export function hourlyPay(
  pay: ValueOf<'compensation'>,
  hours: ValueOf<'hours_per_week'> | null,
  durationWeeks: number | null,
): HourlyPay | null {
  if (pay.per === 'unpaid' || pay.amount === null) return null;
  if (pay.currency.toUpperCase() !== 'USD') return null;
  const hoursFromLetter = hours !== null && hours.max > 0;
  const hoursPerWeek = hoursFromLetter ? hours.max : DEFAULT_WEEKLY_HOURS;
  const amount = pay.amount;
  let weekly: number;
  switch (pay.per) {
    case 'hour':
      return { hourly: amount, hoursPerWeek, hoursFromLetter };
    case 'week':
      weekly = amount;
      break;
    case 'biweekly':
      weekly = amount / 2;
      break;
    case 'semimonthly':
      weekly = (amount * 24) / WEEKS_PER_YEAR;
      break;
    case 'month':
      weekly = (amount * 12) / WEEKS_PER_YEAR;
      break;
    case 'year':
      weekly = amount / WEEKS_PER_YEAR;
      break;
    case 'total':
      if (!durationWeeks || durationWeeks <= 0) return null;
      weekly = amount / durationWeeks;
      break;
    default:
      return null;
  }
  return { hourly: weekly / hoursPerWeek, hoursPerWeek, hoursFromLetter };
}

/** "$7.25" / "$1,200" for messages. */
export function formatDollars(amount: number): string {
  const cents = Math.round(amount * 100) % 100 !== 0;
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 })}`;
}
