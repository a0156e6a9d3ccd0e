import { describe, expect, it } from 'vitest';
import { checkStartAfterLetterDate } from '../../src/rules/checkStartAfterLetterDate.js';
import { contextOf, missingElement, withElements, withValue } from './letterFacts.js';

describe('checkStartAfterLetterDate', () => {
  it('passes a letter written before the start', () => {
    expect(checkStartAfterLetterDate(contextOf())).toEqual([]);
  });

  it('warns when the start date is earlier than the letter', () => {
    const findings = checkStartAfterLetterDate(contextOf({ elements: withValue('letter_date', '2027-05-10') }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'START_BEFORE_LETTER_DATE', severity: 'warning', element: 'start_date', review: true });
    expect(findings[0].message).toContain('May 10, 2027');
  });

  it('says nothing without a letter date', () => {
    expect(checkStartAfterLetterDate(contextOf({ elements: withElements({ letter_date: missingElement<'letter_date'>() }) }))).toEqual([]);
  });
});
