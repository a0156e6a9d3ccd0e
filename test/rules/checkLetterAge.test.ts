import { describe, expect, it } from 'vitest';
import { checkLetterAge } from '../../src/rules/checkLetterAge.js';
import { PROFILES, contextOf, withValue } from './letterFacts.js';

describe('checkLetterAge', () => {
  it('ignores the age of the letter where the profile sets no limit', () => {
    expect(checkLetterAge(contextOf({ profile: PROFILES.cpt, elements: withValue('letter_date', '2025-01-01') }))).toEqual([]);
  });

  it('accepts a letter exactly four months old under cpt-strict', () => {
    expect(checkLetterAge(contextOf({ profile: PROFILES.strict, elements: withValue('letter_date', '2026-11-01'), today: '2027-03-01' }))).toEqual([]);
  });

  it('is an error one day past four months under cpt-strict', () => {
    const findings = checkLetterAge(contextOf({ profile: PROFILES.strict, elements: withValue('letter_date', '2026-10-31'), today: '2027-03-01' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'LETTER_DATE_TOO_OLD', severity: 'error', element: 'letter_date' });
    expect(findings[0].message).toContain('October 31, 2026');
    expect(findings[0].message).toContain('4 months');
  });
});
