import { describe, expect, it } from 'vitest';
import { checkEndByTermEnd } from '../../src/rules/checkEndByTermEnd.js';
import { contextOf, profileWith } from './letterFacts.js';

const byTerm = profileWith({ rules: { endByTermEnd: 'error' } });

describe('checkEndByTermEnd', () => {
  it('is off unless the profile asks', () => {
    expect(checkEndByTermEnd(contextOf({ caller: { termEndDate: '2027-08-15' } }))).toEqual([]);
  });

  it('passes a letter that ends by the term end date (the good letter ends September 30, 2027)', () => {
    expect(checkEndByTermEnd(contextOf({ profile: byTerm, caller: { termEndDate: '2027-09-30' } }))).toEqual([]);
  });

  it('refuses an end after the term end date the caller gives', () => {
    const findings = checkEndByTermEnd(contextOf({ profile: byTerm, caller: { termEndDate: '2027-08-15' } }));
    expect(findings).toEqual([expect.objectContaining({ code: 'END_AFTER_TERM_END', severity: 'error', element: 'end_date', expected: '2027-08-15', found: '2027-09-30' })]);
  });

  it('says nothing when the caller gives no term end date', () => {
    expect(checkEndByTermEnd(contextOf({ profile: byTerm }))).toEqual([]);
  });
});
