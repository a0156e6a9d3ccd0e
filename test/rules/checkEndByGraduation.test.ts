import { describe, expect, it } from 'vitest';
import { checkEndByGraduation } from '../../src/rules/checkEndByGraduation.js';
import { PROFILES, contextOf } from './letterFacts.js';

describe('checkEndByGraduation', () => {
  it('passes an end date on the graduation date', () => {
    expect(checkEndByGraduation(contextOf({ profile: PROFILES.strict, caller: { graduationDate: '2027-09-30' } }))).toEqual([]);
  });

  it('is an error under cpt-strict when the end is after graduation, with both dates', () => {
    const findings = checkEndByGraduation(contextOf({ profile: PROFILES.strict, caller: { graduationDate: '2027-08-15' } }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'END_AFTER_GRADUATION', severity: 'error', element: 'end_date', expected: '2027-08-15', found: '2027-09-30' }),
    ]);
    expect(findings[0].review).toBe(false);
  });

  it('is a warning for an advisor under cpt', () => {
    const findings = checkEndByGraduation(contextOf({ profile: PROFILES.cpt, caller: { graduationDate: '2027-08-15' } }));
    expect(findings).toEqual([expect.objectContaining({ code: 'END_AFTER_GRADUATION', severity: 'warning', review: true })]);
  });

  it('asks for the graduation date where the profile needs it and none was given', () => {
    expect(checkEndByGraduation(contextOf({ profile: PROFILES.strict }))).toEqual([
      expect.objectContaining({ code: 'GRADUATION_DATE_NOT_GIVEN', severity: 'info' }),
    ]);
    expect(checkEndByGraduation(contextOf({ profile: PROFILES.cpt }))).toEqual([]);
  });
});
