import { describe, expect, it } from 'vitest';
import { checkEndAfterStart } from '../../src/rules/checkEndAfterStart.js';
import { contextOf, missingElement, withElements, withValue } from './letterFacts.js';

describe('checkEndAfterStart', () => {
  it('passes when the end is after the start', () => {
    expect(checkEndAfterStart(contextOf())).toEqual([]);
  });

  it('passes a one-day position', () => {
    expect(checkEndAfterStart(contextOf({ elements: withValue('end_date', '2027-05-03') }))).toEqual([]);
  });

  it('is an error when the end comes before the start, with both dates in words', () => {
    const findings = checkEndAfterStart(contextOf({ elements: withValue('end_date', '2027-04-30') }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'DATES_END_BEFORE_START', severity: 'error', element: 'end_date' });
    expect(findings[0].message).toContain('April 30, 2027');
    expect(findings[0].message).toContain('May 3, 2027');
  });

  it('says nothing when a date is missing (completeness reports that)', () => {
    expect(checkEndAfterStart(contextOf({ elements: withElements({ end_date: missingElement<'end_date'>() }) }))).toEqual([]);
  });
});
