import { describe, expect, it } from 'vitest';
import { checkEmployer } from '../../src/rules/checkEmployer.js';
import { contextOf, missingElement, withElements } from './letterFacts.js';

describe('checkEmployer', () => {
  it('passes the same company written differently', () => {
    expect(checkEmployer(contextOf({ caller: { employer: 'ACME ROBOTICS LLC' } }))).toEqual([]);
    expect(checkEmployer(contextOf({ caller: { employer: 'Acme' } }))).toEqual([]);
  });

  it('warns, with both names, about another company', () => {
    const findings = checkEmployer(contextOf({ caller: { employer: 'Globex Corporation' } }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'EMPLOYER_MISMATCH', severity: 'warning', element: 'employer_name', expected: 'Globex Corporation', found: 'Acme Robotics, Inc.', review: true }),
    ]);
  });

  it("falls back on the letterhead's organization when the letter names no employer", () => {
    const elements = withElements({ employer_name: missingElement<'employer_name'>() });
    expect(checkEmployer(contextOf({ elements, caller: { employer: 'Globex' } }))[0].found).toBe('Acme Robotics, Inc.');
  });

  it('says nothing when the caller named no employer', () => {
    expect(checkEmployer(contextOf())).toEqual([]);
  });
});
