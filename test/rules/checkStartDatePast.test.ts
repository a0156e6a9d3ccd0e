import { describe, expect, it } from 'vitest';
import { checkStartDatePast } from '../../src/rules/checkStartDatePast.js';
import { contextOf } from './letterFacts.js';

describe('checkStartDatePast', () => {
  it('passes a start date in the future', () => {
    expect(checkStartDatePast(contextOf({ today: '2027-03-01' }))).toEqual([]);
  });

  it('passes a start date on the day checked', () => {
    expect(checkStartDatePast(contextOf({ today: '2027-05-03' }))).toEqual([]);
  });

  it('warns, for an advisor, when the start date has passed', () => {
    const [finding, ...rest] = checkStartDatePast(contextOf({ today: '2027-05-04' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'START_DATE_PAST', severity: 'warning', element: 'start_date', review: true });
    expect(finding.message).toContain('May 3, 2027');
    expect(finding.message).toContain('May 4, 2027');
  });
});
