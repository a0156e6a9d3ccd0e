import { describe, expect, it } from 'vitest';
import { checkCallerEndDate } from '../../src/rules/checkCallerEndDate.js';
import { contextOf } from './letterFacts.js';

describe('checkCallerEndDate', () => {
  it('passes when the dates agree', () => {
    expect(checkCallerEndDate(contextOf({ caller: { endDate: '2027-09-30' } }))).toEqual([]);
  });

  it('warns with both dates when they differ', () => {
    expect(checkCallerEndDate(contextOf({ caller: { endDate: '2027-08-31' } }))).toEqual([
      expect.objectContaining({ code: 'END_DATE_MISMATCH', severity: 'warning', element: 'end_date', expected: '2027-08-31', found: '2027-09-30', review: true }),
    ]);
  });
});
