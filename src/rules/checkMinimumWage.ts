import { readElement } from './shared/readElement.js';
import { formatDollars, hourlyPay } from './shared/hourlyPay.js';
import { measureDuration } from './measureDuration.js';
import type { Rule } from './ruleContext.js';

const PERIOD_WORDS: Record<string, string> = {
  week: 'a week',
  biweekly: 'every two weeks',
  semimonthly: 'twice a month',
  month: 'a month',
  year: 'a year',
  total: 'for the whole position',
};

/** Pay under the minimum wage, after turning a weekly, monthly or yearly figure into an hourly one with the letter's hours (40 if it gives none). */
export const checkMinimumWage: Rule = ({ elements, profile, settings }) => {
  const pay = readElement(elements, 'compensation');
  if (!pay) return [];
  const hours = readElement(elements, 'hours_per_week');
  const duration = measureDuration(readElement(elements, 'start_date'), readElement(elements, 'end_date'));
  const hourly = hourlyPay(pay, hours, duration?.weeks ?? null);
  const minimum = profile.rules.minimumWageHourly ?? settings.minimumWageHourly;
  // A cent of rounding in a yearly salary is not underpayment.
  if (!hourly || hourly.hourly >= minimum - 0.005) return [];
  const severity = profile.rules.belowMinimumWage;
  const how =
    pay.per === 'hour'
      ? `The letter offers ${formatDollars(hourly.hourly)} an hour`
      : `The letter offers ${formatDollars(pay.amount as number)} ${PERIOD_WORDS[pay.per] ?? ''}, which at ${hourly.hoursPerWeek} hours a week${hourly.hoursFromLetter ? '' : ' (the letter gives no hours, so we assumed a full-time week)'} is about ${formatDollars(hourly.hourly)} an hour`;
  return [
    {
      code: 'PAY_BELOW_MINIMUM_WAGE',
      severity,
      element: 'compensation',
      message: `${how}, less than the minimum wage of ${formatDollars(minimum)} an hour. Ask the employer to confirm the pay.`,
      review: severity === 'warning',
    },
  ];
};
