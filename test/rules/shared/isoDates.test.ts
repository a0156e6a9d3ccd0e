import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, formatDate, formatMonthDay, isIsoDate } from '../../../src/rules/shared/isoDates.js';

describe('isoDates', () => {
  it('accepts only real calendar days', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    expect(addMonths('2027-11-15', 4)).toBe('2028-03-15');
  });

  it('counts days across a month boundary', () => {
    expect(daysBetween('2027-01-30', '2027-02-02')).toBe(3);
    expect(daysBetween('2027-02-02', '2027-01-30')).toBe(-3);
  });

  it('writes dates in words', () => {
    expect(formatDate('2027-05-03')).toBe('May 3, 2027');
    expect(formatMonthDay('01-06')).toBe('January 6');
  });
});
