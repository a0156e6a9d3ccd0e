import { describe, expect, it } from 'vitest';
import { checkMinimumWage } from '../../src/rules/checkMinimumWage.js';
import { PROFILES, SETTINGS, contextOf, goodElements, missingElement, profileWith } from './letterFacts.js';
import type { FoundElements } from '../../src/fields/findElements.js';

type Per = 'hour' | 'week' | 'biweekly' | 'semimonthly' | 'month' | 'year' | 'total';

function paid(amount: number, per: Per, hours: number | null = 20): FoundElements {
  const elements = goodElements();
  return {
    ...elements,
    compensation: { ...elements.compensation, value: { amount, amountMax: null, currency: 'USD', per } },
    hours_per_week: hours === null ? missingElement<'hours_per_week'>() : { ...elements.hours_per_week, value: { min: hours, max: hours } },
  };
}

describe('checkMinimumWage', () => {
  it('passes pay at the minimum wage exactly', () => {
    expect(checkMinimumWage(contextOf({ elements: paid(7.25, 'hour') }))).toEqual([]);
    expect(checkMinimumWage(contextOf({ elements: paid(145, 'week') }))).toEqual([]);
  });

  it('flags an hourly rate below the minimum, as a warning for an advisor under cpt', () => {
    const findings = checkMinimumWage(contextOf({ elements: paid(6.5, 'hour') }));
    expect(findings).toEqual([expect.objectContaining({ code: 'PAY_BELOW_MINIMUM_WAGE', severity: 'warning', element: 'compensation', review: true })]);
    expect(findings[0].message).toContain('$6.50 an hour');
    expect(findings[0].message).toContain('$7.25');
  });

  it('converts a weekly figure with the letter hours and shows the working', () => {
    const [finding] = checkMinimumWage(contextOf({ elements: paid(120, 'week', 20) }));
    expect(finding.message).toContain('$120 a week');
    expect(finding.message).toContain('20 hours a week');
    expect(finding.message).toContain('$6 an hour');
  });

  it.each([
    ['biweekly', 500],
    ['semimonthly', 550],
    ['month', 1100],
    ['year', 13000],
  ] as const)('converts pay per %s (too low at 40 hours)', (per, amount) => {
    expect(checkMinimumWage(contextOf({ elements: paid(amount, per, 40) }))).toHaveLength(1);
  });

  it('assumes 40 hours when the letter gives none, and says so', () => {
    const [finding] = checkMinimumWage(contextOf({ elements: paid(1000, 'month', null) }));
    expect(finding.message).toContain('assumed a full-time week');
    expect(checkMinimumWage(contextOf({ elements: paid(1300, 'month', null) }))).toEqual([]);
  });

  it('spreads a total over the weeks between the dates', () => {
    // May 3 to September 30 is about 21.4 weeks; $2,000 over 21.4 weeks of 20 hours is about $4.67 an hour.
    expect(checkMinimumWage(contextOf({ elements: paid(2000, 'total') }))).toHaveLength(1);
    expect(checkMinimumWage(contextOf({ elements: paid(5000, 'total') }))).toEqual([]);
  });

  it('is an error for a co-op', () => {
    expect(checkMinimumWage(contextOf({ profile: PROFILES.coop, elements: paid(7, 'hour') }))).toEqual([
      expect.objectContaining({ severity: 'error', review: false }),
    ]);
  });

  it('uses the MINIMUM_WAGE_HOURLY setting, or the profile figure when it has one', () => {
    expect(checkMinimumWage(contextOf({ elements: paid(10, 'hour'), settings: { ...SETTINGS, minimumWageHourly: 15 } }))).toHaveLength(1);
    expect(checkMinimumWage(contextOf({ elements: paid(10, 'hour'), profile: profileWith({ rules: { minimumWageHourly: 12 } }) }))).toHaveLength(1);
    expect(checkMinimumWage(contextOf({ elements: paid(13, 'hour'), profile: profileWith({ rules: { minimumWageHourly: 12 } }) }))).toEqual([]);
  });

  it('says nothing for unpaid positions (checkUnpaid does) or pay in another currency', () => {
    const elements = goodElements();
    const unpaid = { ...elements, compensation: { ...elements.compensation, value: { amount: null, amountMax: null, currency: 'USD', per: 'unpaid' as const } } };
    expect(checkMinimumWage(contextOf({ elements: unpaid }))).toEqual([]);
    const euros = { ...elements, compensation: { ...elements.compensation, value: { amount: 5, amountMax: null, currency: 'EUR', per: 'hour' as const } } };
    expect(checkMinimumWage(contextOf({ elements: euros }))).toEqual([]);
  });
});
