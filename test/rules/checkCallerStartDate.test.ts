import { describe, expect, it } from 'vitest';
import { checkCallerStartDate } from '../../src/rules/checkCallerStartDate.js';
import { contextOf } from './letterFacts.js';

describe('checkCallerStartDate', () => {
  it('passes when the dates agree', () => {
    expect(checkCallerStartDate(contextOf({ caller: { startDate: '2027-05-03' } }))).toEqual([]);
  });

  it('warns with both dates when they differ', () => {
    const findings = checkCallerStartDate(contextOf({ caller: { startDate: '2027-05-10' } }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'START_DATE_MISMATCH', severity: 'warning', element: 'start_date', expected: '2027-05-10', found: '2027-05-03', review: true }),
    ]);
    expect(findings[0].message).toContain('May 10, 2027');
  });

  it('says nothing without the caller date', () => {
    expect(checkCallerStartDate(contextOf())).toEqual([]);
  });
});
