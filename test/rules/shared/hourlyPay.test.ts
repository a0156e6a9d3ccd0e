import { describe, expect, it } from 'vitest';
import { formatDollars, hourlyPay } from '../../../src/rules/shared/hourlyPay.js';

const pay = (amount: number | null, per: 'hour' | 'week' | 'biweekly' | 'semimonthly' | 'month' | 'year' | 'total' | 'unpaid', currency = 'USD') => ({
  amount,
  amountMax: null,
  currency,
  per,
});

describe('hourlyPay', () => {
  const twenty = { min: 20, max: 20 };
  it.each([
    ['hour', 18, 18],
    ['week', 400, 20],
    ['biweekly', 800, 20],
    ['semimonthly', 1000, (1000 * 24) / 52 / 20],
    ['month', 2000, (2000 * 12) / 52 / 20],
    ['year', 20800, 20],
  ] as const)('converts pay per %s', (per, amount, hourly) => {
    expect(hourlyPay(pay(amount, per), twenty, null)!.hourly).toBeCloseTo(hourly, 6);
  });

  it('assumes a 40-hour week when the letter gives no hours, and says so', () => {
    expect(hourlyPay(pay(600, 'week'), null, null)).toEqual({ hourly: 15, hoursPerWeek: 40, hoursFromLetter: false });
  });

  it('uses the highest hours of a range: the least the student could earn an hour', () => {
    expect(hourlyPay(pay(500, 'week'), { min: 20, max: 25 }, null)!.hourly).toBe(20);
  });

  it('spreads a total over the weeks of the position', () => {
    expect(hourlyPay(pay(4000, 'total'), { min: 20, max: 20 }, 10)!.hourly).toBe(20);
    expect(hourlyPay(pay(4000, 'total'), { min: 20, max: 20 }, null)).toBeNull();
  });

  it('gives no figure for unpaid, unknown amounts or another currency', () => {
    expect(hourlyPay(pay(null, 'unpaid'), twenty, null)).toBeNull();
    expect(hourlyPay(pay(null, 'hour'), twenty, null)).toBeNull();
    expect(hourlyPay(pay(20, 'hour', 'EUR'), twenty, null)).toBeNull();
  });
});

describe('formatDollars', () => {
  it('shows cents only when there are some', () => {
    expect(formatDollars(7.25)).toBe('$7.25');
    expect(formatDollars(1200)).toBe('$1,200');
    expect(formatDollars(6.5)).toBe('$6.50');
  });
});
