import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, federalHolidays, isBusinessDay } from '../../../src/rules/shared/businessDays.js';

describe('business days', () => {
  it('knows the federal holidays of a year, as observed', () => {
    expect([...federalHolidays(2027)].sort()).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18', // Juneteenth on a Saturday: the Friday before
      '2027-07-05', // Independence Day on a Sunday: the Monday after
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24', // Christmas on a Saturday
      '2027-12-31', // New Year's Day 2028 on a Saturday
    ]);
  });

  it('skips weekends and holidays', () => {
    expect(isBusinessDay('2027-03-05')).toBe(true);
    expect(isBusinessDay('2027-03-06')).toBe(false);
    expect(isBusinessDay('2027-07-05')).toBe(false);
    expect(addBusinessDays('2027-07-02', 1)).toBe('2027-07-06');
    expect(addBusinessDays('2027-03-01', 10)).toBe('2027-03-15');
    expect(businessDaysBetween('2027-03-01', '2027-03-15')).toBe(10);
    expect(businessDaysBetween('2027-03-15', '2027-03-01')).toBe(0);
  });
});
